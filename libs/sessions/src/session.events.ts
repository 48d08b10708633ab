import type { Session } from './session.entity.js';

/**
 * What #sessions announces once a change to a group's sessions has committed (through
 * `EventEmitter2.emitAsync`, so a listener's failure fails the change's request). Rooms and
 * reminders follow these in the libs above (#video, #reminders) without #sessions knowing them.
 */
export const SessionEvent = {
  GroupOpened: 'sessions.group-opened',
  Moved: 'sessions.moved',
  Cancelled: 'sessions.cancelled',
} as const;

/** When a session takes place, and its revision (each change to it bumps the revision). */
export interface SessionTimes {
  id: string;
  startsAt: Date;
  endsAt: Date;
  revision: number;
}

/** A group was created with all its sessions. */
export interface GroupOpened {
  groupId: string;
  sessions: SessionTimes[];
}

/** Sessions of a group moved (one, or a series from one session on). */
export interface SessionsMoved {
  groupId: string;
  sessions: SessionTimes[];
}

/** One session was cancelled; with a shifted curriculum a session was appended to the series. */
export interface SessionCancelled {
  groupId: string;
  sessionId: string;
  revision: number;
  appended: SessionTimes | null;
}

export function sessionTimes({ id, startsAt, endsAt, revision }: Session): SessionTimes {
  return { id, startsAt, endsAt, revision };
}
