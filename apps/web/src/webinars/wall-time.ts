import { parseDateTime, toZoned } from '@internationalized/date';

/** The instant a wall-clock date (`2027-03-02`) and time (`18:00`) name in `timeZone`. */
export function wallTimeToIso(date: string, time: string, timeZone: string): string {
  return toZoned(parseDateTime(`${date}T${time}`), timeZone).toAbsoluteString();
}
