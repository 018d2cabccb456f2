/** i18next set up with the Vietnamese and English catalogs. Vietnamese is the default and the fallback. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enCatalog, viCatalog } from './catalogs';
import { readSavedLanguage, saveLanguage, type Language } from './language';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: viCatalog }, en: { translation: enCatalog } },
  lng: readSavedLanguage(),
  fallbackLng: 'vi',
  supportedLngs: ['vi', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});

/** The language currently shown. */
export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}

/** Switches the UI language and remembers it (localStorage and the `lang` cookie). */
export async function changeLanguage(lang: Language): Promise<void> {
  saveLanguage(lang);
  await i18n.changeLanguage(lang);
}
