import { ConflictError } from '#common';

export const SESSION_STATUSES = ['scheduled', 'open', 'live', 'ended', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** Every legal move of a session's lifecycle; anything else is an error. */
export const SESSION_TRANSITIONS: Readonly<Record<SessionStatus, readonly SessionStatus[]>> = {
  scheduled: ['open', 'cancelled'],
  open: ['live', 'ended', 'cancelled'],
  live: ['ended'],
  ended: [],
  cancelled: [],
};

export class IllegalSessionTransitionError extends ConflictError {
  constructor(
    readonly from: SessionStatus,
    readonly to: SessionStatus,
  ) {
    super('illegal_session_transition', `A session that is ${from} cannot become ${to}`);
  }
}

export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  return SESSION_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: SessionStatus, to: SessionStatus): void {
  if (!canTransition(from, to)) throw new IllegalSessionTransitionError(from, to);
}
