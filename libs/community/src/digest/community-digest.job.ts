import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Clock } from '#common';
import { AppConfig } from '#config';
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
 * author or group name. Safe to run twice: each person's digest is claimed per day and channel;
 * a failed send gives back only that claim.
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
        if (await this.digests.claim(inApp)) {
          await this.notifications.add({
            userId: recipient.userId,
            kind: DIGEST_NOTIFICATION_KIND,
            title: digestSummary(recipient),
            body: `Open Hearth to read them: ${path}`,
            sessionId: null,
          });
          await this.digests.markSent(inApp, this.clock.now());
          sent++;
        }
        if (await this.digests.claim(email)) {
          try {
            await this.mailer.send(digestEmail({ to: recipient.email, ...recipient, link }));
          } catch (error) {
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
