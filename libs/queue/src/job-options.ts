import type { DefaultJobOptions } from 'bullmq';

/**
 * How every job is retried unless it says otherwise: a few attempts with exponential backoff,
 * kept for a day once done and a week once failed (for inspection).
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * For jobs that must get through a longer outage (a reminder, a room, an attendance event):
 * more attempts, starting sooner. The one place these retry settings are written.
 */
export const PERSISTENT_RETRY = {
  attempts: 8,
  backoff: { type: 'exponential' as const, delay: 2_000 },
} satisfies DefaultJobOptions;
