import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { createI18n } from './i18n/index.ts';
import { resolveLanguage } from './i18n/resolve-language.ts';
import './styles.css';

// Until the settings arrive, speak the OS language; App switches to the preference once known.
const i18n = createI18n(resolveLanguage('system', navigator.languages));

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App i18n={i18n} />
  </StrictMode>,
);
