/**
 * What #groups announces once a change has committed (through `EventEmitter2.emitAsync`), for
 * libs above it to follow up on without #groups depending on them.
 */
export const GroupEvent = {
  EnrollmentsChanged: 'group.enrollments-changed',
} as const;

/** Someone joined, left or was promoted from the waitlist: the group's audience changed. */
export interface EnrollmentsChanged {
  groupId: string;
}
