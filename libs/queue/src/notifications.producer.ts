import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import {
  EmailVerificationPayload,
  InvitationEmailPayload,
  NotificationJob,
  PasswordResetPayload,
  QueueName,
  WaitlistPromotionPayload,
  WebinarConfirmationPayload,
  WebinarSpeakerPayload,
} from './queues.js';

/** Adds notification jobs. Call only after the transaction that made them necessary committed. */
@Injectable()
export class NotificationsProducer {
  constructor(@InjectQueue(QueueName.Notifications) private readonly queue: Queue) {}

  async sendEmailVerification(payload: EmailVerificationPayload): Promise<void> {
    await this.queue.add(NotificationJob.EmailVerification, payload, {
      jobId: `email-verification-${payload.userId}`,
      // A later request (a new address, a lost e-mail) must be able to queue it again.
      removeOnComplete: true,
    });
  }

  async sendPasswordReset(payload: PasswordResetPayload): Promise<void> {
    await this.queue.add(NotificationJob.PasswordReset, payload, {
      // One id per mailing: a failed one kept for inspection never blocks a later mailing.
      jobId: `password-reset-${payload.userId ?? 'none'}-${payload.requestedAt}-${payload.mailedAt}`,
      removeOnComplete: true,
    });
  }

  async sendWaitlistPromotionEmail(payload: WaitlistPromotionPayload): Promise<void> {
    await this.queue.add(NotificationJob.WaitlistPromotionEmail, payload, {
      jobId: `waitlist-promotion-${payload.enrollmentId}`,
      removeOnComplete: true,
    });
  }

  async sendWebinarConfirmation(payload: WebinarConfirmationPayload): Promise<void> {
    await this.queue.add(NotificationJob.WebinarConfirmation, payload, { removeOnComplete: true });
  }

  async sendWebinarSpeakerInvitation(payload: WebinarSpeakerPayload): Promise<void> {
    await this.queue.add(NotificationJob.WebinarSpeakerInvitation, payload, {
      jobId: `webinar-speaker-${payload.speakerId}`,
      removeOnComplete: true,
    });
  }

  async sendInvitationEmail(payload: InvitationEmailPayload): Promise<void> {
    await this.queue.add(NotificationJob.InvitationEmail, payload, {
      jobId: `invitation-${payload.invitationId}-v${payload.version}`,
    });
  }
}
