import { parseDateTime, toZoned } from '@internationalized/date';

/** A webinar's start, in `timeZone` (the viewer's when undefined), with the zone's short name. */
export function formatStart(startsAt: string, language: string | undefined, timeZone?: string) {
  return new Intl.DateTimeFormat(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(startsAt));
}

/** The instant a wall-clock date (`2027-03-02`) and time (`18:00`) name in `timeZone`. */
export function wallTimeToIso(date: string, time: string, timeZone: string): string {
  return toZoned(parseDateTime(`${date}T${time}`), timeZone).toAbsoluteString();
}

/** Today's date and a time, as a date and a time field show them, in `timeZone`. */
export function wallDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);
}
