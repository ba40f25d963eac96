/**
 * The interface's English text. `fr.ts` has the same shape (the type checker holds it to it);
 * lesson texts live with their lessons in `src/lessons/content`.
 */
export const en = {
  app: {
    tagline: 'inside a serverless platform',
    language: 'Language',
  },
};
