/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/** The dev server's hot reload needs an inline script, which index.html's CSP forbids: drop it there only. */
const cspInBuildOnly: Plugin = {
  name: 'faascope:csp-in-build-only',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

export default defineConfig({
  // Relative base: the built site works from any sub-path of a static host (a course page).
  base: './',
  plugins: [
    react(),
    cspInBuildOnly,
    // Offline after the first visit: a Workbox service worker precaches the whole built site
    // (the page, the simulation worker, the lazy chunks, the sample traces), so a lecture
    // survives the hall's network. src/ui/serviceWorker.ts registers it (injectRegister: false
    // keeps the registration out of index.html, where the CSP forbids inline scripts).
    // Updates are silent: the new service worker waits (no skipWaiting) until every FaaScope tab
    // is closed, so a page is never reloaded or switched to new code in the middle of a demo.
    // clientsClaim only matters on the very first visit (nothing to replace): the page that
    // installed the worker is then controlled at once, without a reload.
    VitePWA({
      injectRegister: false,
      registerType: 'prompt',
      manifest: {
        name: 'FaaScope: inside a serverless platform',
        short_name: 'FaaScope',
        description: 'Watch a serverless platform work, from the load balancer to the sandbox.',
        lang: 'en',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0072B2',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      workbox: {
        // Everything but source maps; the traces' CSVs and the sample scenario included.
        globPatterns: ['**/*.{html,js,css,svg,png,webmanifest,json,csv,md}'],
        // The sample trace's invocation file is about 650 KB; keep headroom for larger samples.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        clientsClaim: true,
        skipWaiting: false,
        // One file: no workbox-*.js runtime chunk beside sw.js.
        inlineWorkboxRuntime: true,
        sourcemap: false,
      },
    }),
  ],
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
