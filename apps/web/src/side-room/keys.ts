/** Query keys of this folder, shaped like the api paths they read. */
export const sideRoomKeys = {
  /** GET /sessions/{sessionId}/side-rooms */
  forSession: (sessionId: string) => ['sessions', sessionId, 'side-rooms'] as const,
  /** GET /sessions/{sessionId}/incidents */
  incidents: (sessionId: string) => ['sessions', sessionId, 'incidents'] as const,
  /** GET /me/side-rooms */
  mine: ['me', 'side-rooms'] as const,
};
