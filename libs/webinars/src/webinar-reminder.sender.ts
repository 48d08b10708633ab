import { Injectable } from '@nestjs/common';
import { Clock } from '#common';
import { OrganizationRepository } from '#organizations';
import { RegistrationRepository } from './registration.repository.js';
import type { SendWebinarReminderPayload } from './send-webinar-reminder/webinar-reminder.queue.js';
import { WebinarMailService } from './webinar-mail.service.js';

/**
 * Sends a webinar reminder after re-reading the registration and the webinar, claiming it in
 * `webinar_reminder_deliveries` first so a second run sends nothing.
 */
@Injectable()
export class WebinarReminderSender {
  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly organizations: OrganizationRepository,
    private readonly mail: WebinarMailService,
    private readonly clock: Clock,
  ) {}

  async send({ registrationId, offsetMinutes }: SendWebinarReminderPayload): Promise<boolean> {
    const found = await this.mail.registration(registrationId);
    if (!found) return false;
    const { webinar } = found;
    const dueAt = webinar.startsAt.getTime() - offsetMinutes * 60_000;
    const now = this.clock.millis();
    if (now < dueAt - 5_000 || now >= webinar.startsAt.getTime()) return false;
    const organization = await this.organizations.findById(webinar.organizationId);
    if (!organization?.reminderOffsetsMinutes.includes(offsetMinutes)) return false;

    if (!(await this.registrations.claimReminder(registrationId, offsetMinutes))) return false;
    await this.mail.sendReminder(found);
    await this.registrations.markReminderSent(registrationId, offsetMinutes);
    return true;
  }
}
