import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import { MailerService } from '#notifications/mailer.service.js';
import { webinarReminderEmail } from '#notifications/webinar-email.js';
import { OrganizationRepository } from '#organizations/organization.repository.js';
import type { SendWebinarReminderPayload } from '#queue/queues.js';
import { WebinarAccess } from './webinar-access.service.js';
import { Registration, Webinar, WebinarReminderDelivery } from './webinar.entity.js';

/**
 * Sends a webinar reminder after re-reading the registration and the webinar, claiming it in
 * `webinar_reminder_deliveries` first so a second run sends nothing.
 */
@Injectable()
export class WebinarReminderSender {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: WebinarAccess,
    private readonly organizations: OrganizationRepository,
    private readonly mailer: MailerService,
    private readonly config: AppConfig,
  ) {}

  async send({ registrationId, offsetMinutes }: SendWebinarReminderPayload): Promise<boolean> {
    const registration = await this.dataSource
      .getRepository(Registration)
      .findOneBy({ id: registrationId });
    const webinar =
      registration &&
      (await this.dataSource.getRepository(Webinar).findOneBy({ id: registration.webinarId }));
    if (!registration || !webinar) return false;
    const dueAt = webinar.startsAt.getTime() - offsetMinutes * 60_000;
    if (Date.now() < dueAt - 5_000 || Date.now() >= webinar.startsAt.getTime()) return false;
    const organization = await this.organizations.findById(webinar.organizationId);
    if (!organization?.reminderOffsetsMinutes.includes(offsetMinutes)) return false;

    const deliveries = this.dataSource.getRepository(WebinarReminderDelivery);
    const key = { registrationId, offsetMinutes };
    await deliveries
      .createQueryBuilder()
      .insert()
      .values({ ...key, status: 'sending' })
      .orIgnore()
      .execute();
    if ((await deliveries.findOneByOrFail(key)).status === 'sent') return false;
    const link = new URL(
      `/webinar/#webinar=${webinar.id}&key=${this.access.attendeeKeys.sign(registration.id)}`,
      this.config.PUBLIC_URL,
    ).toString();
    await this.mailer.send(
      webinarReminderEmail({
        ...webinar,
        to: registration.email,
        displayName: registration.displayName,
        webinarId: webinar.id,
        link,
      }),
    );
    await deliveries.update(key, { status: 'sent' });
    return true;
  }
}
