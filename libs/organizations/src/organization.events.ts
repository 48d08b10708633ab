/**
 * What #organizations announces once a change has committed (through `EventEmitter2.emitAsync`),
 * for libs above it to follow up on without #organizations depending on them.
 */
export const OrganizationEvent = {
  ReminderOffsetsChanged: 'organization.reminder-offsets-changed',
} as const;

/** The organization's reminder offsets changed: every group's coming reminders follow. */
export interface ReminderOffsetsChanged {
  organizationId: string;
}
