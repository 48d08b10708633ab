import { Injectable } from '@nestjs/common';
import type { JobHandler } from '#queue';
import { WebinarMailService } from '../webinar-mail.service.js';
import {
  WEBINAR_CONFIRMATION_JOB,
  type WebinarConfirmationPayload,
} from './webinar-confirmation.queue.js';

/** In the worker: the registration confirmation with the attendee's personal link and an ICS file. */
@Injectable()
export class SendWebinarConfirmationJob implements JobHandler<WebinarConfirmationPayload> {
  readonly jobName = WEBINAR_CONFIRMATION_JOB;

  constructor(private readonly mail: WebinarMailService) {}

  handle({ registrationId }: WebinarConfirmationPayload): Promise<void> {
    return this.mail.sendConfirmation(registrationId);
  }
}
