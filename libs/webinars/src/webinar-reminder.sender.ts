import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { claimOnce } from '#database';
import { OrganizationRepository } from '#organizations';
import type { SendWebinarReminderPayload } from '#queue';
import { WebinarMailService } from './webinar-mail.service.js';
import { WebinarReminderDelivery } from './webinar.entity.js';

/**
 * Sends a webinar reminder after re-reading the registration and the webinar, claiming it in
 * `webinar_reminder_deliveries` first so a second run sends nothing.
 */
@Injectable()
export class WebinarReminderSender {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationRepository,
    private readonly mail: WebinarMailService,
  ) {}

  async send({ registrationId, offsetMinutes }: SendWebinarReminderPayload): Promise<boolean> {
    const found = await this.mail.registration(registrationId);
    if (!found) return false;
    const { webinar } = found;
    const dueAt = webinar.startsAt.getTime() - offsetMinutes * 60_000;
    if (Date.now() < dueAt - 5_000 || Date.now() >= webinar.startsAt.getTime()) return false;
    const organization = await this.organizations.findById(webinar.organizationId);
    if (!organization?.reminderOffsetsMinutes.includes(offsetMinutes)) return false;

    const deliveries = this.dataSource.getRepository(WebinarReminderDelivery);
    const key = { registrationId, offsetMinutes };
    if (!(await claimOnce(deliveries, key))) return false;
    await this.mail.sendReminder(found);
    await deliveries.update(key, { status: 'sent' });
    return true;
  }
}
