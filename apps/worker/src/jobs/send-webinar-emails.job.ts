import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import { MailerService } from '#notifications/mailer.service.js';
import { webinarConfirmationEmail, webinarSpeakerEmail } from '#notifications/webinar-email.js';
import {
  NotificationJob,
  type WebinarConfirmationPayload,
  type WebinarSpeakerPayload,
} from '#queue/queues.js';
import { WebinarAccess } from '#webinars/webinar-access.service.js';
import { Registration, Webinar, WebinarSpeaker } from '#webinars/webinar.entity.js';
import type { JobHandler } from './job-handler.js';

function link(config: AppConfig, webinarId: string, key: string): string {
  return new URL(`/webinar/#webinar=${webinarId}&key=${key}`, config.PUBLIC_URL).toString();
}

/** The registration confirmation with the attendee's personal link and an ICS file. */
@Injectable()
export class SendWebinarConfirmationJob implements JobHandler<WebinarConfirmationPayload> {
  readonly jobName = NotificationJob.WebinarConfirmation;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: WebinarAccess,
    private readonly mailer: MailerService,
    private readonly config: AppConfig,
  ) {}

  async handle({ registrationId }: WebinarConfirmationPayload): Promise<void> {
    const registration = await this.dataSource
      .getRepository(Registration)
      .findOneBy({ id: registrationId });
    const webinar =
      registration &&
      (await this.dataSource.getRepository(Webinar).findOneBy({ id: registration.webinarId }));
    if (!registration || !webinar) return;
    await this.mailer.send(
      webinarConfirmationEmail({
        ...webinar,
        to: registration.email,
        displayName: registration.displayName,
        webinarId: webinar.id,
        link: link(this.config, webinar.id, this.access.attendeeKeys.sign(registration.id)),
      }),
    );
  }
}

/** A speaker's invitation with their personal link. */
@Injectable()
export class SendWebinarSpeakerInvitationJob implements JobHandler<WebinarSpeakerPayload> {
  readonly jobName = NotificationJob.WebinarSpeakerInvitation;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: WebinarAccess,
    private readonly mailer: MailerService,
    private readonly config: AppConfig,
  ) {}

  async handle({ speakerId }: WebinarSpeakerPayload): Promise<void> {
    const speaker = await this.dataSource
      .getRepository(WebinarSpeaker)
      .findOneBy({ id: speakerId });
    const webinar =
      speaker &&
      (await this.dataSource.getRepository(Webinar).findOneBy({ id: speaker.webinarId }));
    if (!speaker || !webinar) return;
    await this.mailer.send(
      webinarSpeakerEmail({
        ...webinar,
        to: speaker.email,
        displayName: speaker.displayName,
        webinarId: webinar.id,
        link: link(this.config, webinar.id, this.access.speakerKeys.sign(speaker.id)),
      }),
    );
  }
}
