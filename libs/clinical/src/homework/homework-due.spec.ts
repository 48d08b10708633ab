import { homeworkDueAt } from './homework-due.js';

describe('homeworkDueAt', () => {
  it("is the next session's start when there is one", () => {
    const next = new Date('2027-11-03T00:00:00Z');
    expect(homeworkDueAt(new Date('2027-10-27T23:00:00Z'), 'America/New_York', next)).toBe(next);
  });

  it('keeps 19:00 local time a week after the last session, across the DST change', () => {
    // 19:00 in New York on 2 November 2027 (EDT), then 19:00 on 9 November (EST).
    const due = homeworkDueAt(new Date('2027-11-02T23:00:00Z'), 'America/New_York', null);
    expect(due.toISOString()).toBe('2027-11-10T00:00:00.000Z');
  });
});
