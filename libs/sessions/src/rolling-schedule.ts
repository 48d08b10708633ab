import type { Group } from '#groups';
import type { NewSession } from './session.repository.js';
import { weeklySlot } from './weekly-schedule.js';

/** How far ahead a group without a curriculum has its weekly meetings scheduled. */
export const ROLLING_HORIZON_WEEKS = 12;

const WEEK_MS = 7 * 24 * 3_600_000;

/** Never more in one go, whatever the data says (a group left alone for years). */
const MAX_AT_ONCE = 520;

export type RollingGroup = Pick<
  Group,
  'id' | 'kind' | 'timezone' | 'firstSessionDate' | 'startTime' | 'durationMinutes' | 'endedAt'
>;

/**
 * The weekly meetings a support or drop-in group should have by `now` and do not exist yet: the
 * meeting of week n (from 0) is sequence n + 1, at the group's local start time in its zone
 * (`weeklySlot`, so a DST change never moves the local hour), for every week after the last one
 * scheduled that starts within the horizon and has not already ended. A new group gets at least
 * its first meeting. A curriculum group or an ended group gets none.
 */
export function meetingsToSchedule(
  group: RollingGroup,
  lastSequence: number,
  now: Date,
  horizonWeeks = ROLLING_HORIZON_WEEKS,
): NewSession[] {
  if (group.kind === 'curriculum' || group.endedAt) return [];
  const until = now.getTime() + horizonWeeks * WEEK_MS;
  const meetings: NewSession[] = [];
  for (let index = lastSequence; meetings.length < MAX_AT_ONCE; index++) {
    const slot = weeklySlot(group, index);
    const isFirst = index === 0;
    if (slot.startsAt.getTime() >= until && !isFirst) break;
    if (slot.endsAt.getTime() <= now.getTime() && !isFirst) continue;
    meetings.push({
      groupId: group.id,
      sequence: index + 1,
      moduleIndex: null,
      moduleTitle: null,
      timezone: group.timezone,
      ...slot,
    });
    if (slot.startsAt.getTime() >= until) break;
  }
  return meetings;
}
