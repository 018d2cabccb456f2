import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { currentLanguage } from './i18n/i18n';
import { saveLanguage } from './i18n/language';

// The server reads the `lang` cookie for its messages: make sure it matches what the app shows.
saveLanguage(currentLanguage());

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
