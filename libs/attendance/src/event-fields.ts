import { DateTime } from 'luxon';

// LiveKit did not exist before 2020, and a server clock a day ahead is already broken: a time
// outside these bounds cannot be a real event's and would skew every interval computed from it.
const EARLIEST_MS = Date.UTC(2020, 0, 1);
const MAX_CLOCK_SKEW = { days: 1 };

/** A LiveKit time in whole seconds as a Date, or null when no real event can carry it. */
export function eventTime(seconds: bigint | number | string, now: Date): Date | null {
  let value: bigint;
  try {
    value = BigInt(seconds);
  } catch {
    return null;
  }
  // Compared as bigints, so a value beyond Number's range is refused before any rounding.
  const latestMs = DateTime.fromJSDate(now).plus(MAX_CLOCK_SKEW).toMillis();
  const ms = value * 1000n;
  return ms >= BigInt(EARLIEST_MS) && ms <= BigInt(latestMs) ? new Date(Number(ms)) : null;
}

// Ids, identities and room names are short; PostgreSQL refuses NUL in text and indexes rows
// only up to about 2.7 kB, so longer or NUL-bearing values would fail the insert with a 500.
const MAX_TEXT = 256;

/** Whether a text field of an event can be stored and indexed as it is. */
export const storableText = (value: string) => value.length <= MAX_TEXT && !value.includes('\0');
