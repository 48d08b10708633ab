import { meetingsToSchedule, type RollingGroup } from './rolling-schedule.js';

const group = (changes: Partial<RollingGroup> = {}): RollingGroup => ({
  id: 'group',
  kind: 'support',
  timezone: 'America/New_York',
  firstSessionDate: '2027-02-23',
  startTime: '19:00',
  durationMinutes: 60,
  endedAt: null,
  ...changes,
});

describe('meetingsToSchedule', () => {
  const now = new Date('2027-01-20T12:00:00Z');

  it('schedules every week that starts within 12 weeks, at 19:00 local across DST', () => {
    const meetings = meetingsToSchedule(group(), 0, now);
    expect(meetings.map((m) => m.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(meetings.every((m) => m.localStartTime === '19:00')).toBe(true);
    expect(meetings.every((m) => m.moduleIndex === null && m.moduleTitle === null)).toBe(true);
    expect(meetings[2].startsAt.toISOString()).toBe('2027-03-10T00:00:00.000Z');
    expect(meetings[3].startsAt.toISOString()).toBe('2027-03-16T23:00:00.000Z');
  });

  it('goes on after the last one scheduled, skipping weeks already over', () => {
    const later = meetingsToSchedule(group(), 8, new Date('2027-03-20T12:00:00Z'));
    expect(later.map((m) => m.sequence)).toEqual([9, 10, 11, 12, 13, 14, 15, 16]);
    const gap = meetingsToSchedule(group(), 2, new Date('2027-03-30T12:00:00Z'));
    expect(gap[0]).toMatchObject({ sequence: 6, localDate: '2027-03-30' });
  });

  it('gives a new group its first meeting even beyond the horizon, and nothing after', () => {
    const far = meetingsToSchedule(group({ firstSessionDate: '2028-01-04' }), 0, now);
    expect(far.map((m) => m.localDate)).toEqual(['2028-01-04']);
    expect(meetingsToSchedule(group({ firstSessionDate: '2028-01-04' }), 1, now)).toEqual([]);
  });

  it('schedules nothing for a curriculum group or an ended group', () => {
    expect(meetingsToSchedule(group({ kind: 'curriculum' }), 0, now)).toEqual([]);
    expect(meetingsToSchedule(group({ endedAt: now }), 0, now)).toEqual([]);
  });
});
