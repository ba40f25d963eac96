/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Relative base: the built site works from any sub-path of a static host (a course page).
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  preview: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/i18n/testSetup.ts'],
    // Generous: CI shares 2 cores with the build; speed targets live in `npm run bench`, not in timeouts.
    testTimeout: 30_000,
  },
});
