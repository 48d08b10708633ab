/** Every queue Hearth uses. The worker refuses to start unless each one has a processor. */
export const QueueName = {
  Notifications: 'notifications',
  Rooms: 'rooms',
  Reminders: 'reminders',
  Attendance: 'attendance',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);

/** Job names and payloads of the notifications queue. Payloads carry ids only. */
export const NotificationJob = {
  InvitationEmail: 'invitation-email',
  EmailVerification: 'email-verification',
  PasswordReset: 'password-reset',
} as const;
export type NotificationJob = (typeof NotificationJob)[keyof typeof NotificationJob];

/** Job names and payloads of the rooms queue. */
export const RoomJob = {
  OpenRoom: 'open-room',
  CloseRoom: 'close-room',
} as const;

export interface RoomJobPayload {
  sessionId: string;
}

/** Job names and payloads of the reminders queue. */
export const ReminderJob = {
  Plan: 'plan-reminders',
  Send: 'send-reminder',
  SessionNotice: 'session-notice',
} as const;

/** Re-plan the reminders of one group, or of every group of an organization. */
export type PlanRemindersPayload =
  { groupId: string; fresh?: boolean } | { organizationId: string };

export interface SessionNoticePayload {
  sessionId: string;
  kind: 'session_cancelled' | 'session_moved';
  /** The session revision the notice is about; each change is told once. */
  revision: number;
}
