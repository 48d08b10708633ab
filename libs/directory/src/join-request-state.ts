import { ConflictError } from '#common';
import type { JoinRequestStatus } from './join-request.entity.js';

/** Where a request may go from each status; anything else is an illegal transition. */
const TRANSITIONS: Readonly<Record<JoinRequestStatus, readonly JoinRequestStatus[]>> = {
  pending: ['approved', 'waitlisted', 'declined', 'withdrawn'],
  approved: [],
  waitlisted: [],
  declined: [],
  withdrawn: [],
};

export function canMove(from: JoinRequestStatus, to: JoinRequestStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws the domain error (a 409 with a stable code) for a move the table does not allow. */
export function assertMove(from: JoinRequestStatus, to: JoinRequestStatus): void {
  if (!canMove(from, to)) {
    throw new ConflictError(
      'illegal_join_request_transition',
      `This request is ${from} and cannot become ${to}`,
    );
  }
}
