import { useTranslation } from 'react-i18next';

/** Formats instants in a given zone, in the reader's language. */
export function useInstants(timeZone: string | undefined) {
  const { i18n } = useTranslation();
  const make = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(i18n.resolvedLanguage, { timeZone, ...options });
  const day = make({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const time = make({ hour: '2-digit', minute: '2-digit' });
  const full = make({ dateStyle: 'full', timeStyle: 'short' });
  return {
    day: (iso: string) => day.format(new Date(iso)),
    time: (iso: string) => time.format(new Date(iso)),
    full: (iso: string) => full.format(new Date(iso)),
  };
}

/** The zone's name as people read it: "Asia/Dhaka" → "Asia/Dhaka" without underscores. */
export const zoneName = (zone: string) => zone.replaceAll('_', ' ');
