import { Injectable } from '@nestjs/common';
import { AppConfig } from '#config';
import {
  MailerService,
  webinarConfirmationEmail,
  type WebinarEmailInput,
  webinarReminderEmail,
  webinarSpeakerEmail,
} from '#notifications';
import { RegistrationRepository } from './registration.repository.js';
import { WebinarAccess } from './webinar-access.service.js';
import type { Registration, Webinar } from './webinar.entity.js';
import { WebinarRepository } from './webinar.repository.js';

/**
 * The webinar e-mails, each with the person's own link: the key rides in the URL fragment,
 * rebuilt from the id (nothing secret is stored), so it never reaches a server or its logs.
 */
@Injectable()
export class WebinarMailService {
  constructor(
    private readonly webinars: WebinarRepository,
    private readonly registrations: RegistrationRepository,
    private readonly access: WebinarAccess,
    private readonly mailer: MailerService,
    private readonly config: AppConfig,
  ) {}

  /** A registration and its webinar, or null when either is gone. */
  async registration(id: string): Promise<{ registration: Registration; webinar: Webinar } | null> {
    const registration = await this.registrations.findById(id);
    const webinar = registration && (await this.webinars.findById(registration.webinarId));
    return registration && webinar ? { registration, webinar } : null;
  }

  async sendConfirmation(registrationId: string): Promise<void> {
    const found = await this.registration(registrationId);
    if (found) await this.mailer.send(webinarConfirmationEmail(this.attendeeInput(found)));
  }

  async sendReminder(found: { registration: Registration; webinar: Webinar }): Promise<void> {
    await this.mailer.send(webinarReminderEmail(this.attendeeInput(found)));
  }

  async sendSpeakerInvitation(speakerId: string): Promise<void> {
    const speaker = await this.webinars.findSpeaker(speakerId);
    const webinar = speaker && (await this.webinars.findById(speaker.webinarId));
    if (!speaker || !webinar) return;
    const key = this.access.speakerKeys.sign(speaker.id);
    await this.mailer.send(
      webinarSpeakerEmail(this.input(webinar, speaker.email, speaker.displayName, key)),
    );
  }

  private attendeeInput({
    registration,
    webinar,
  }: {
    registration: Registration;
    webinar: Webinar;
  }) {
    return this.input(
      webinar,
      registration.email,
      registration.displayName,
      this.access.attendeeKeys.sign(registration.id),
    );
  }

  private input(webinar: Webinar, to: string, displayName: string, key: string): WebinarEmailInput {
    return {
      to,
      displayName,
      webinarId: webinar.id,
      title: webinar.title,
      startsAt: webinar.startsAt,
      durationMinutes: webinar.durationMinutes,
      timezone: webinar.timezone,
      // The web app's page reads the key from the fragment, keeps it and drops it from the URL.
      link: new URL(`/webinars/${webinar.id}#key=${key}`, this.config.PUBLIC_URL).toString(),
    };
  }
}
