/** Every queue Hearth uses. The worker refuses to start unless each one has a processor. */
export const QueueName = {
  Notifications: 'notifications',
  Rooms: 'rooms',
  Reminders: 'reminders',
  Attendance: 'attendance',
  /** Scheduled housekeeping, such as the daily purge of records kept past an erasure. */
  Maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);
