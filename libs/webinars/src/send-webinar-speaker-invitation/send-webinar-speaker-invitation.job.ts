import { Injectable } from '@nestjs/common';
import type { JobHandler } from '#queue';
import { WebinarMailService } from '../webinar-mail.service.js';
import {
  WEBINAR_SPEAKER_INVITATION_JOB,
  type WebinarSpeakerPayload,
} from './webinar-speaker-invitation.queue.js';

/** In the worker: a speaker's invitation with their personal link. */
@Injectable()
export class SendWebinarSpeakerInvitationJob implements JobHandler<WebinarSpeakerPayload> {
  readonly jobName = WEBINAR_SPEAKER_INVITATION_JOB;

  constructor(private readonly mail: WebinarMailService) {}

  handle({ speakerId }: WebinarSpeakerPayload): Promise<void> {
    return this.mail.sendSpeakerInvitation(speakerId);
  }
}
