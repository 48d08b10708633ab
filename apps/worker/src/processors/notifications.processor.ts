import { Processor } from '@nestjs/bullmq';
import { SendRiskAlertEmailJob } from '#clinical';
import { SendJoinRequestEmailJob } from '#directory';
import { SendEmailVerificationJob, SendPasswordResetJob } from '#identity';
import { SendInvitationEmailJob } from '#organizations';
import { QueueName } from '#queue';
import { SendWaitlistPromotionEmailJob } from '#groups';
import { SendWebinarConfirmationJob, SendWebinarSpeakerInvitationJob } from '#webinars';
import { DispatchingProcessor } from './dispatching-processor.js';

@Processor(QueueName.Notifications)
export class NotificationsProcessor extends DispatchingProcessor {
  constructor(
    invitationEmail: SendInvitationEmailJob,
    emailVerification: SendEmailVerificationJob,
    waitlistPromotion: SendWaitlistPromotionEmailJob,
    webinarConfirmation: SendWebinarConfirmationJob,
    webinarSpeaker: SendWebinarSpeakerInvitationJob,
    passwordReset: SendPasswordResetJob,
    riskAlert: SendRiskAlertEmailJob,
    joinRequestAnswer: SendJoinRequestEmailJob,
  ) {
    super(QueueName.Notifications, [
      invitationEmail,
      emailVerification,
      waitlistPromotion,
      webinarConfirmation,
      webinarSpeaker,
      passwordReset,
      riskAlert,
      joinRequestAnswer,
    ]);
  }
}
