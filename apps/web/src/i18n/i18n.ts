import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { resources } from './namespaces';

/** The shipped languages, by the name each uses for itself. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'bn', name: 'বাংলা' },
  { code: 'id', name: 'Bahasa Indonesia' },
] as const;

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: LANGUAGES.map((l) => l.code),
    nonExplicitSupportedLngs: true,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    detection: { order: ['localStorage', 'navigator'], caches: ['localStorage'] },
  });

const setLang = (lng: string) => document.documentElement.setAttribute('lang', lng);
setLang(i18n.resolvedLanguage ?? 'en');
i18n.on('languageChanged', () => setLang(i18n.resolvedLanguage ?? 'en'));

export default i18n;
