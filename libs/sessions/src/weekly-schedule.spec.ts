import { weeklySlots } from './weekly-schedule.js';

const series = (timezone: string, firstSessionDate: string) =>
  weeklySlots({ timezone, firstSessionDate, startTime: '19:00', durationMinutes: 90 }, 8);

describe('weeklySlots', () => {
  it('keeps 19:00 in New York across the November DST change (UTC 23:00 -> 00:00)', () => {
    const slots = series('America/New_York', '2027-10-19');
    expect(slots.map((s) => s.localStartTime)).toEqual(Array(8).fill('19:00'));
    expect(slots[2].startsAt.toISOString()).toBe('2027-11-02T23:00:00.000Z');
    expect(slots[3].startsAt.toISOString()).toBe('2027-11-10T00:00:00.000Z');
    expect(slots[3].localDate).toBe('2027-11-09');
    expect(slots[3].endsAt.toISOString()).toBe('2027-11-10T01:30:00.000Z');
  });

  it('keeps 19:00 in London across the October change (UTC 18:00 -> 19:00)', () => {
    const slots = series('Europe/London', '2027-10-12');
    expect(slots.map((s) => s.startsAt.toISOString().slice(11, 16))).toEqual([
      '18:00',
      '18:00',
      '18:00',
      '19:00',
      '19:00',
      '19:00',
      '19:00',
      '19:00',
    ]);
  });

  it('keeps 19:00 in Sydney across the southern spring change (UTC 09:00 -> 08:00)', () => {
    const slots = series('Australia/Sydney', '2027-09-14');
    expect(slots.map((s) => s.startsAt.toISOString().slice(11, 16))).toEqual([
      '09:00',
      '09:00',
      '09:00',
      '08:00',
      '08:00',
      '08:00',
      '08:00',
      '08:00',
    ]);
    expect(slots.map((s) => s.localStartTime)).toEqual(Array(8).fill('19:00'));
  });

  it('keeps the half-hour offset of Kolkata, which has no DST', () => {
    const slots = series('Asia/Kolkata', '2027-10-19');
    expect(new Set(slots.map((s) => s.startsAt.toISOString().slice(11, 16)))).toEqual(
      new Set(['13:30']),
    );
    expect(slots.map((s) => s.localDate)).toEqual([
      '2027-10-19',
      '2027-10-26',
      '2027-11-02',
      '2027-11-09',
      '2027-11-16',
      '2027-11-23',
      '2027-11-30',
      '2027-12-07',
    ]);
  });

  it('moves a wall time that does not exist that day forward by the gap', () => {
    // 02:30 on 2027-03-14 does not exist in New York (clocks jump from 02:00 to 03:00).
    const [slot] = weeklySlots(
      {
        timezone: 'America/New_York',
        firstSessionDate: '2027-03-14',
        startTime: '02:30',
        durationMinutes: 60,
      },
      1,
    );
    expect(slot.localStartTime).toBe('03:30');
    expect(slot.startsAt.toISOString()).toBe('2027-03-14T07:30:00.000Z');
  });
});
