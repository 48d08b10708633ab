import { ConflictError } from '#common';

export const SIDE_ROOM_STATUSES = ['invited', 'joined', 'declined', 'closed'] as const;
export type SideRoomStatus = (typeof SIDE_ROOM_STATUSES)[number];

/**
 * Every legal move of a side room; anything else is an error. Joining again is a reconnect;
 * declining is only for an invitation nobody took up yet.
 */
export const SIDE_ROOM_TRANSITIONS: Readonly<Record<SideRoomStatus, readonly SideRoomStatus[]>> = {
  invited: ['joined', 'declined', 'closed'],
  joined: ['joined', 'closed'],
  declined: [],
  closed: [],
};

export class IllegalSideRoomTransitionError extends ConflictError {
  constructor(
    readonly from: SideRoomStatus,
    readonly to: SideRoomStatus,
  ) {
    super('illegal_side_room_transition', `A side room that is ${from} cannot become ${to}`);
  }
}

export function canTransitionSideRoom(from: SideRoomStatus, to: SideRoomStatus): boolean {
  return SIDE_ROOM_TRANSITIONS[from].includes(to);
}

export function assertSideRoomTransition(from: SideRoomStatus, to: SideRoomStatus): void {
  if (!canTransitionSideRoom(from, to)) throw new IllegalSideRoomTransitionError(from, to);
}

/** Where a side room stands, from its timestamps. */
export const sideRoomStatusOf = (room: {
  joinedAt: Date | null;
  declinedAt: Date | null;
  closedAt: Date | null;
}): SideRoomStatus =>
  room.declinedAt ? 'declined' : room.closedAt ? 'closed' : room.joinedAt ? 'joined' : 'invited';
