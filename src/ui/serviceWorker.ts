/**
 * Registers the service worker that makes the built site work offline (see vite.config.ts).
 * Silent updates: a new version is installed in the background and used from the next visit
 * once every FaaScope tab is closed; nothing reloads the page during a demo. Production only:
 * the development server has no service worker.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // Relative to the page: the site may be hosted in any folder of a course site.
  navigator.serviceWorker.register('./sw.js').catch((e: unknown) => console.warn('FaaScope: offline mode unavailable', e));
}
