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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids taken from a URL are checked before they go into an api path. */
export const isUuid = (value: string | undefined): value is string => !!value && UUID.test(value);

/** The `token` carried in the URL fragment (never sent to any server). */
export const tokenFromFragment = (): string | null =>
  new URLSearchParams(window.location.hash.slice(1)).get('token');

/** Drops the fragment once its token is used, so it stays out of history and screenshots. */
export const forgetFragment = () =>
  window.history.replaceState(window.history.state, '', window.location.pathname);
