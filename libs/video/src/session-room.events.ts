/**
 * What #video announces while a session's room closes (through `EventEmitter2.emitAsync`, so a
 * listener's failure fails the close-room job, which BullMQ retries). Attendance follows these
 * without #video depending on it.
 */
export const SessionRoomEvent = {
  Closing: 'video.session-room-closing',
  Closed: 'video.session-room-closed',
} as const;

/** The room is about to close; the session has not ended yet. */
export interface SessionRoomClosing {
  sessionId: string;
}

/** The session ended and its room is gone. */
export interface SessionRoomClosed {
  sessionId: string;
}
