import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n';
import { App } from './ui/App';
import { applyStartupLink } from './ui/startup';
import { registerServiceWorker } from './ui/serviceWorker';
import { restoreSavedDraft, startDraftSaving } from './store/scenarioDraft';
import { useUi } from './store/ui';
import './ui/app.css';

// A shared link sets the scenario before the first render; a bad one leaves the default and says why.
const startup = applyStartupLink(window.location);
// What the user had entered comes back after a reload or a crash, unless the page was opened on
// a link that says which scenario to show. An embed in a course page neither reads nor writes it.
if (!useUi.getState().embed) {
  if (!startup.state && !startup.message) restoreSavedDraft();
  startDraftSaving();
}
await i18nReady(startup.state?.lang);

// Rendered as a transition, React renders the page in slices of a few milliseconds and lets the
// browser breathe between them, instead of one long task that would block the first input.
startTransition(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App startup={startup} />
    </StrictMode>,
  ),
);

// Offline after the first visit; updates wait for the next visit (see src/ui/serviceWorker.ts).
registerServiceWorker();
