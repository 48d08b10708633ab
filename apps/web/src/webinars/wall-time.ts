import { type CalendarDate, type Time, toCalendarDateTime, toZoned } from '@internationalized/date';

/** The instant a wall-clock date and time name in `timeZone`. */
export function wallTimeToIso(date: CalendarDate, time: Time, timeZone: string): string {
  return toZoned(toCalendarDateTime(date, time), timeZone).toAbsoluteString();
}
