import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../profile/useProfile';

/** Every way the app writes an instant, by name. */
const STYLES = {
  /** 2 March 2027 */
  date: { day: 'numeric', month: 'long', year: 'numeric' },
  /** 2 Mar 2027 */
  mediumDate: { dateStyle: 'medium' },
  /** Tue, 2 Mar 2027 */
  shortDate: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
  /** Tuesday 2 March, 18:30 */
  dateTime: { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' },
  /** Tuesday, 2 March 2027 at 18:30 */
  full: { dateStyle: 'full', timeStyle: 'short' },
  /** Tuesday 2 March 2027, 18:30 GMT+6: a webinar's start, with the zone's short name */
  start: {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof STYLES;
export type DateFormats = Record<DateStyle, (value: string | Date) => string>;

/**
 * The one way to write instants: in the page's language and in `timeZone` (a group's or a
 * webinar's zone), by default the reader's own (their profile's, else the device's).
 */
export function useDates(timeZone?: string): DateFormats {
  const { i18n } = useTranslation();
  const reader = useTimeZone();
  const language = i18n.resolvedLanguage;
  const zone = timeZone ?? reader;
  const formats = {} as DateFormats;
  for (const style of Object.keys(STYLES) as DateStyle[]) {
    formats[style] = (value) => formatter(language, zone, style).format(new Date(value));
  }
  return formats;
}

/** Intl formatters are costly to make: one per language, zone and style, made when first used. */
const made = new Map<string, Intl.DateTimeFormat>();
function formatter(language: string | undefined, timeZone: string | undefined, style: DateStyle) {
  const key = `${language}|${timeZone}|${style}`;
  let format = made.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { timeZone, ...STYLES[style] });
    made.set(key, format);
  }
  return format;
}
