import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n';
import { App } from './ui/App';
import { applyStartupLink } from './ui/startup';
import './ui/app.css';

// A shared link sets the scenario before the first render; a bad one leaves the default and says why.
const startup = applyStartupLink(window.location);
await i18nReady(startup.state?.lang);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App startup={startup} />
  </StrictMode>,
);
