import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '#queue';

export const COMMUNITY_DIGEST_JOB = 'community-digest';

/** Nothing: the job finds whom to tell itself. */
export type CommunityDigestPayload = Record<string, never>;

/** Once a day, in the evening (UTC). */
const DAILY_PATTERN = '0 18 * * *';

/** The daily digest round, on the reminders queue. */
@Injectable()
export class CommunityDigestQueue {
  constructor(@InjectQueue(QueueName.Reminders) private readonly queue: Queue) {}

  /** Idempotent: one scheduler per deployment, whatever the number of workers starting. */
  async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(
      COMMUNITY_DIGEST_JOB,
      { pattern: DAILY_PATTERN, tz: 'UTC' },
      {
        name: COMMUNITY_DIGEST_JOB,
        data: {} satisfies CommunityDigestPayload,
        opts: { removeOnComplete: true },
      },
    );
  }

  /** A round now, besides the scheduled one (tests, operators); `at` makes its id. */
  async runNow(at: number): Promise<void> {
    await this.queue.add(COMMUNITY_DIGEST_JOB, {} satisfies CommunityDigestPayload, {
      jobId: `${COMMUNITY_DIGEST_JOB}-${at}`,
      removeOnComplete: true,
    });
  }
}
