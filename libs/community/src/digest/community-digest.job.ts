import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Clock } from '#common';
import { AppConfig } from '#config';
import { Transactions } from '#database';
import { MailerService } from '#notifications';
import type { JobHandler } from '#queue';
import { NotificationRepository } from '#reminders';
import { digestEmail, digestSummary } from './digest-message.js';
import { type DigestKey, DigestRepository } from './digest.repository.js';
import {
  COMMUNITY_DIGEST_JOB,
  CommunityDigestQueue,
  type CommunityDigestPayload,
} from './community-digest.queue.js';

export const DIGEST_NOTIFICATION_KIND = 'community_digest';

/**
 * In the worker, once a day: tells each person who chose the digest how many unread posts by
 * others their groups had in the last day, by e-mail and in the app, with a link and no text,
 * author or group name. Safe to run twice, or in two workers at once: each person's digest is
 * claimed per day and channel before it goes (at most once; a worker dying mid-send loses that
 * one), and a failed e-mail gives back only its own claim.
 */
@Injectable()
export class CommunityDigestJob
  implements JobHandler<CommunityDigestPayload>, OnApplicationBootstrap
{
  readonly jobName = COMMUNITY_DIGEST_JOB;
  private readonly logger = new Logger(CommunityDigestJob.name);

  constructor(
    private readonly digests: DigestRepository,
    private readonly notifications: NotificationRepository,
    private readonly mailer: MailerService,
    private readonly queue: CommunityDigestQueue,
    private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.schedule();
  }

  async handle(): Promise<void> {
    const now = this.clock.now();
    const since = DateTime.fromJSDate(now).minus({ days: 1 }).toJSDate();
    const digestDate = DateTime.fromJSDate(now, { zone: 'utc' }).toISODate()!;
    let sent = 0;
    const failures: unknown[] = [];
    for (const recipient of await this.digests.recipients(since, now)) {
      const path = recipient.groups === 1 ? `/groups/${recipient.groupId}/space` : '/';
      const link = new URL(path, this.config.PUBLIC_URL).toString();
      const inApp: DigestKey = { userId: recipient.userId, digestDate, channel: 'in_app' };
      const email: DigestKey = { ...inApp, channel: 'email' };
      try {
        // The in-app message and its claim commit together: both or neither.
        const told = await this.transactions.run(async (tx) => {
          if (!(await this.digests.claim(inApp, 'sent', this.clock.now(), tx))) return false;
          await this.notifications.add(
            {
              userId: recipient.userId,
              kind: DIGEST_NOTIFICATION_KIND,
              title: digestSummary(recipient),
              body:
                recipient.groups === 1
                  ? 'Open the group space to read them.'
                  : 'Open your groups to read them.',
              sessionId: null,
              link: path,
            },
            tx,
          );
          return true;
        });
        if (told) sent++;
        if (await this.digests.claim(email, 'sending', this.clock.now())) {
          try {
            await this.mailer.send(digestEmail({ to: recipient.email, ...recipient, link }));
          } catch (error) {
            // Given back: the next round may send it.
            await this.digests.release(email);
            throw error;
          }
          await this.digests.markSent(email, this.clock.now());
          sent++;
        }
      } catch (error) {
        failures.push(error);
      }
    }
    if (sent) this.logger.log(`Community digests: ${sent} sent`);
    if (failures.length) {
      throw new AggregateError(failures, `${failures.length} community digests failed`);
    }
  }
}
