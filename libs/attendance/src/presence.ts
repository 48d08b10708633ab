import type { PresenceInterval } from './attendance.entity.js';

/** The webhooks that open or close one connection (a participant sid). */
export const CONNECTION_EVENTS = [
  'participant_joined',
  'participant_left',
  'participant_connection_aborted',
] as const;

export type PresenceEventType = (typeof CONNECTION_EVENTS)[number] | 'room_finished';

export interface PresenceEvent {
  event: PresenceEventType | string;
  participantSid: string | null;
  occurredAt: Date;
}

export interface PresenceInput {
  events: PresenceEvent[];
  startsAt: Date;
  endsAt: Date;
  now: Date;
  presentPercent: number;
}

export interface Presence {
  sidIntervals: Record<string, PresenceInterval & { aborted?: boolean }>;
  intervals: PresenceInterval[];
  minutesPresent: number;
  firstJoinedAt: Date | null;
  lastLeftAt: Date | null;
  status: 'present' | 'partial' | 'absent';
  final: boolean;
}

const RANK: Record<string, number> = {
  participant_joined: 0,
  participant_left: 1,
  participant_connection_aborted: 1,
  room_finished: 2,
};

/**
 * One person's presence in one session, from the video server's events alone. Pure and
 * order-independent: the events are sorted by time here, so duplicates, retries and events that
 * arrive out of order give the same answer. Connections are tracked per participant sid (a
 * reconnect is a new sid, often overlapping the old one until LiveKit notices the drop); a
 * connection that never completed (`participant_connection_aborted`) never counts; a missing
 * leave is closed when the room finished or, failing that, when the session ended.
 */
export function computePresence(input: PresenceInput): Presence {
  const events = [...input.events].sort(
    (a, b) =>
      a.occurredAt.getTime() - b.occurredAt.getTime() ||
      (RANK[a.event] ?? 3) - (RANK[b.event] ?? 3),
  );
  const sids = new Map<string, { joinedAt?: Date; leftAt?: Date; aborted?: boolean }>();
  let roomFinishedAt: Date | undefined;
  for (const event of events) {
    if (event.event === 'room_finished') {
      roomFinishedAt ??= event.occurredAt;
      continue;
    }
    if (!event.participantSid) continue;
    const sid = sids.get(event.participantSid) ?? {};
    if (event.event === 'participant_joined') {
      sid.joinedAt ??= event.occurredAt;
    } else if (event.event === 'participant_left') {
      sid.leftAt = event.occurredAt;
    } else if (event.event === 'participant_connection_aborted') {
      sid.aborted = true;
      sid.leftAt ??= event.occurredAt;
    }
    sids.set(event.participantSid, sid);
  }

  const sessionOver = input.now.getTime() >= input.endsAt.getTime();
  const closeAt = roomFinishedAt ?? (sessionOver ? input.endsAt : undefined);
  const sidIntervals: Presence['sidIntervals'] = {};
  const counted: { from: number; to: number | null }[] = [];
  for (const [sid, { joinedAt, leftAt, aborted }] of sids) {
    if (!joinedAt) continue; // a leave whose join has not arrived yet
    let end = leftAt;
    if (!end && closeAt && closeAt.getTime() >= joinedAt.getTime()) end = closeAt;
    sidIntervals[sid] = {
      joinedAt: joinedAt.toISOString(),
      leftAt: end ? end.toISOString() : null,
      ...(aborted ? { aborted: true } : {}),
    };
    if (!aborted) counted.push({ from: joinedAt.getTime(), to: end ? end.getTime() : null });
  }

  const merged = mergeIntervals(counted);
  const start = input.startsAt.getTime();
  const endOfSession = input.endsAt.getTime();
  const presentMs = merged.reduce((sum, { from, to }) => {
    const clippedEnd = Math.min(to ?? input.now.getTime(), endOfSession);
    const clippedStart = Math.max(from, start);
    return sum + Math.max(0, clippedEnd - clippedStart);
  }, 0);
  const minutesPresent = Math.round((presentMs / 60_000) * 100) / 100;
  const sessionMinutes = (endOfSession - start) / 60_000;
  const status =
    sessionMinutes > 0 && (minutesPresent / sessionMinutes) * 100 >= input.presentPercent
      ? 'present'
      : minutesPresent > 0
        ? 'partial'
        : 'absent';
  const open = merged.some((m) => m.to === null);
  return {
    sidIntervals,
    intervals: merged.map(({ from, to }) => ({
      joinedAt: new Date(from).toISOString(),
      leftAt: to === null ? null : new Date(to).toISOString(),
    })),
    minutesPresent,
    firstJoinedAt: merged.length ? new Date(merged[0].from) : null,
    lastLeftAt: open || !merged.length ? null : new Date(Math.max(...merged.map((m) => m.to!))),
    status,
    final: !open,
  };
}

/** Union of intervals; an open one (`to` null) extends to the end. */
function mergeIntervals(intervals: { from: number; to: number | null }[]) {
  const sorted = [...intervals].sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number | null }[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && (last.to === null || interval.from <= last.to)) {
      last.to = last.to === null || interval.to === null ? null : Math.max(last.to, interval.to);
    } else {
      merged.push({ ...interval });
    }
  }
  return merged;
}
