import { computePresence, type PresenceEvent } from './presence.js';

const start = new Date('2026-11-05T18:00:00Z');
const end = new Date('2026-11-05T19:00:00Z');
const at = (minute: number) => new Date(start.getTime() + minute * 60_000);
const ev = (event: string, sid: string | null, minute: number): PresenceEvent => ({
  event,
  participantSid: sid,
  occurredAt: at(minute),
});
const presence = (events: PresenceEvent[], nowMinute = 120) =>
  computePresence({ events, startsAt: start, endsAt: end, now: at(nowMinute), presentPercent: 75 });

describe('computePresence', () => {
  it('counts a 60-minute session with 50 minutes present as present, 30 as partial', () => {
    expect(
      presence([ev('participant_joined', 'PA_1', 5), ev('participant_left', 'PA_1', 55)]),
    ).toMatchObject({
      minutesPresent: 50,
      status: 'present',
      final: true,
    });
    expect(
      presence([ev('participant_joined', 'PA_1', 0), ev('participant_left', 'PA_1', 30)]),
    ).toMatchObject({
      minutesPresent: 30,
      status: 'partial',
    });
    expect(presence([])).toMatchObject({
      minutesPresent: 0,
      status: 'absent',
      firstJoinedAt: null,
    });
  });

  it('merges a join, a drop, a rejoin and a leave', () => {
    const result = presence([
      ev('participant_joined', 'PA_1', 0),
      ev('participant_left', 'PA_1', 20),
      ev('participant_joined', 'PA_2', 25),
      ev('participant_left', 'PA_2', 60),
    ]);
    expect(result.minutesPresent).toBe(55);
    expect(result.intervals).toHaveLength(2);
    expect(result.firstJoinedAt).toEqual(at(0));
    expect(result.lastLeftAt).toEqual(at(60));
  });

  it('counts overlapping connections (a reconnect before the drop is noticed) once', () => {
    const result = presence([
      ev('participant_joined', 'PA_1', 0),
      ev('participant_joined', 'PA_2', 30),
      ev('participant_left', 'PA_1', 31),
      ev('participant_left', 'PA_2', 60),
    ]);
    expect(result.minutesPresent).toBe(60);
    expect(result.intervals).toHaveLength(1);
  });

  it('gives the same answer whatever order the events arrive in', () => {
    const events = [
      ev('participant_joined', 'PA_1', 0),
      ev('participant_left', 'PA_1', 20),
      ev('participant_joined', 'PA_2', 25),
      ev('participant_left', 'PA_2', 60),
    ];
    const expected = presence(events);
    expect(presence([...events].reverse())).toEqual(expected);
    expect(presence([events[1], events[3], events[0], events[2], events[1]])).toEqual(expected);
  });

  it('waits for the join of a leave that came first', () => {
    expect(presence([ev('participant_left', 'PA_1', 40)])).toMatchObject({
      minutesPresent: 0,
      status: 'absent',
    });
  });

  it('closes a missing leave when the room finished, or at the session end', () => {
    expect(
      presence([ev('participant_joined', 'PA_1', 10), ev('room_finished', null, 50)]),
    ).toMatchObject({
      minutesPresent: 40,
      final: true,
    });
    expect(presence([ev('participant_joined', 'PA_1', 10)], 90)).toMatchObject({
      minutesPresent: 50,
      final: true,
    });
    // While the session runs the interval stays open.
    expect(presence([ev('participant_joined', 'PA_1', 10)], 30)).toMatchObject({
      minutesPresent: 20,
      final: false,
    });
  });

  it('never counts a connection that was aborted', () => {
    const result = presence([
      ev('participant_joined', 'PA_1', 0),
      ev('participant_connection_aborted', 'PA_1', 1),
      ev('participant_connection_aborted', 'PA_2', 3),
    ]);
    expect(result).toMatchObject({ minutesPresent: 0, status: 'absent', final: true });
    expect(result.sidIntervals.PA_1.aborted).toBe(true);
  });

  it('counts only the time inside the session', () => {
    expect(
      presence([ev('participant_joined', 'PA_1', -10), ev('participant_left', 'PA_1', 70)]),
    ).toMatchObject({
      minutesPresent: 60,
      status: 'present',
    });
  });
});
