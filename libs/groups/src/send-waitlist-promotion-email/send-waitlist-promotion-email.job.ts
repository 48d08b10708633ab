import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '#config';
import { UserRepository } from '#identity';
import { MailerService, waitlistPromotionEmail } from '#notifications';
import type { JobHandler } from '#queue';
import { EnrollmentService } from '../enrollment.service.js';
import {
  WAITLIST_PROMOTION_EMAIL_JOB,
  type WaitlistPromotionPayload,
} from './waitlist-promotion-email.queue.js';

/**
 * In the worker: tells a promoted person their seat is ready. Re-reads the enrollment: someone
 * who left again, or who was already told, gets nothing.
 */
@Injectable()
export class SendWaitlistPromotionEmailJob implements JobHandler<WaitlistPromotionPayload> {
  readonly jobName = WAITLIST_PROMOTION_EMAIL_JOB;
  private readonly logger = new Logger(SendWaitlistPromotionEmailJob.name);

  constructor(
    private readonly enrollments: EnrollmentService,
    private readonly users: UserRepository,
    private readonly mailer: MailerService,
    private readonly config: AppConfig,
  ) {}

  async handle({ enrollmentId }: WaitlistPromotionPayload): Promise<void> {
    const found = await this.enrollments.promotionEmailFor(enrollmentId);
    const user = found && (await this.users.findById(found.enrollment.userId));
    if (!found || !user) return;
    const link = new URL(`/groups/${found.group.id}`, this.config.PUBLIC_URL).toString();
    await this.mailer.send(
      waitlistPromotionEmail({
        to: user.email,
        displayName: user.displayName,
        groupName: found.group.name,
        link,
      }),
    );
    await this.enrollments.markPromotionMailed(enrollmentId);
    this.logger.log(`Waitlist promotion ${enrollmentId} mailed`);
  }
}
