import { DateTime } from 'luxon';

/**
 * When homework given at a session is due: the start of the group's next session that is not
 * cancelled; after the last one, a week on at the same local time in the group's zone.
 */
export function homeworkDueAt(startsAt: Date, timezone: string, nextStartsAt: Date | null): Date {
  return (
    nextStartsAt ?? DateTime.fromJSDate(startsAt, { zone: timezone }).plus({ weeks: 1 }).toJSDate()
  );
}
