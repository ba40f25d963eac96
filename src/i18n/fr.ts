import type { Messages } from './types';

export const fr: Messages = {
  app: {
    tagline: "au cœur d'une plateforme serverless",
    language: 'Langue',
  },
};
