/** A reminder time as people say it: "2 days", "3 hours", "30 minutes" before a session. */
export type ReminderUnit = 'minutes' | 'hours' | 'days';
export interface ReminderTime {
  amount: number;
  unit: ReminderUnit;
}

const MINUTES: Record<ReminderUnit, number> = { minutes: 1, hours: 60, days: 1440 };

/** The api's limits (UpdateOrganizationDto): 1 minute to 14 days before, at most 5, no repeats. */
export const MAX_REMINDERS = 5;
export const MAX_MINUTES = 14 * 1440;

/** The largest whole unit: 1440 is 1 day, 90 is 90 minutes. */
export function toReminderTime(minutes: number): ReminderTime {
  if (minutes % 1440 === 0) return { amount: minutes / 1440, unit: 'days' };
  if (minutes % 60 === 0) return { amount: minutes / 60, unit: 'hours' };
  return { amount: minutes, unit: 'minutes' };
}

export const toMinutes = ({ amount, unit }: ReminderTime) => amount * MINUTES[unit];

/** Why a list of reminder times cannot be saved, or undefined when it can. */
export function reminderProblem(times: ReminderTime[]): 'range' | 'repeated' | undefined {
  const minutes = times.map(toMinutes);
  if (minutes.some((m) => !Number.isInteger(m) || m < 1 || m > MAX_MINUTES)) return 'range';
  if (new Set(minutes).size !== minutes.length) return 'repeated';
  return undefined;
}
