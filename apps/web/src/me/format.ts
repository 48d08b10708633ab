import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../profile/useProfile';

type Style = 'day' | 'dayTime';

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'long', year: 'numeric' },
  dayTime: { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' },
};

/** Formats instants in the page's language and the person's time zone. */
export function useFormat(style: Style = 'dayTime'): (value: string | Date) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    timeZone: useTimeZone(),
    ...OPTIONS[style],
  });
  return (value) => format.format(new Date(value));
}
