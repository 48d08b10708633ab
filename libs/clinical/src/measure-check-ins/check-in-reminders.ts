import { Injectable } from '@nestjs/common';
import { AppConfig } from '#config';
import { checkInReminderEmail } from '#notifications';
import { ReminderSender } from '#reminders';
import type { DueCheckInReminder } from '../measures/measure.repository.js';

/**
 * The one reminder of an unanswered check-in, through the reminder pipeline: the channels the
 * person chose, each message claimed once. It says only that a check-in waits.
 */
@Injectable()
export class CheckInReminders {
  constructor(
    private readonly sender: ReminderSender,
    private readonly config: AppConfig,
  ) {}

  send(due: DueCheckInReminder): Promise<number> {
    const link = new URL('/check-ins', this.config.PUBLIC_URL).toString();
    return this.sender.sendOnce(
      due,
      {
        kind: 'measure_reminder',
        sessionId: due.sessionId,
        userId: due.userId,
        variant: 0,
        revision: due.revision,
      },
      {
        email: () => checkInReminderEmail({ to: due.email, displayName: due.displayName, link }),
        inApp: {
          kind: 'measure_reminder',
          title: 'A short check-in before your session',
          body: "About two minutes; only your group's facilitators and your organization's clinical administrators see your answers.",
        },
      },
    );
  }
}
