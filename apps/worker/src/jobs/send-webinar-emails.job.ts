import { Injectable } from '@nestjs/common';
import {
  NotificationJob,
  type WebinarConfirmationPayload,
  type WebinarSpeakerPayload,
  type JobHandler,
} from '#queue';
import { WebinarMailService } from '#webinars';

/** The registration confirmation with the attendee's personal link and an ICS file. */
@Injectable()
export class SendWebinarConfirmationJob implements JobHandler<WebinarConfirmationPayload> {
  readonly jobName = NotificationJob.WebinarConfirmation;

  constructor(private readonly mail: WebinarMailService) {}

  handle({ registrationId }: WebinarConfirmationPayload): Promise<void> {
    return this.mail.sendConfirmation(registrationId);
  }
}

/** A speaker's invitation with their personal link. */
@Injectable()
export class SendWebinarSpeakerInvitationJob implements JobHandler<WebinarSpeakerPayload> {
  readonly jobName = NotificationJob.WebinarSpeakerInvitation;

  constructor(private readonly mail: WebinarMailService) {}

  handle({ speakerId }: WebinarSpeakerPayload): Promise<void> {
    return this.mail.sendSpeakerInvitation(speakerId);
  }
}
