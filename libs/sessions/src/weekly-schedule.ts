import { DateTime } from 'luxon';

export interface WeeklySlot {
  startsAt: Date;
  endsAt: Date;
  /** `YYYY-MM-DD` in the schedule's zone. */
  localDate: string;
  /** `HH:mm` in the schedule's zone. */
  localStartTime: string;
}

export interface WeeklyScheduleInput {
  timezone: string;
  /** Local date of the first occurrence, `YYYY-MM-DD`. */
  firstSessionDate: string;
  /** Local wall time, `HH:mm`. */
  startTime: string;
  durationMinutes: number;
}

/**
 * The `index`-th weekly occurrence (0 = the first), at the same local wall time whatever the UTC
 * offset that week: the week is added in local calendar terms, so a DST change moves the UTC
 * instant and never the local hour. A wall time that does not exist that day (inside a spring
 * gap) moves forward by the gap, as calendar applications do.
 */
export function weeklySlot(input: WeeklyScheduleInput, index: number): WeeklySlot {
  const [hour, minute] = input.startTime.split(':').map(Number);
  const first = DateTime.fromISO(input.firstSessionDate, { zone: input.timezone }).set({
    hour,
    minute,
    second: 0,
    millisecond: 0,
  });
  if (!first.isValid) throw new Error(`Invalid schedule: ${first.invalidExplanation}`);
  const start = first.plus({ weeks: index });
  return {
    startsAt: start.toUTC().toJSDate(),
    endsAt: start.plus({ minutes: input.durationMinutes }).toUTC().toJSDate(),
    localDate: start.toISODate()!,
    localStartTime: start.toFormat('HH:mm'),
  };
}

/** `count` weekly occurrences from the first. */
export function weeklySlots(input: WeeklyScheduleInput, count: number): WeeklySlot[] {
  return Array.from({ length: count }, (_, index) => weeklySlot(input, index));
}

/** The local date and time of an instant in a zone. */
export function localParts(
  at: Date,
  timezone: string,
): Pick<WeeklySlot, 'localDate' | 'localStartTime'> {
  const local = DateTime.fromJSDate(at, { zone: timezone });
  return { localDate: local.toISODate()!, localStartTime: local.toFormat('HH:mm') };
}

/** Whether `name` is an IANA zone luxon knows. */
export const isValidTimezone = (name: string) => DateTime.local().setZone(name).isValid;
