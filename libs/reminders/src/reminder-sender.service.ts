import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '#common';
import { AppConfig } from '#config';
import type { Group } from '#groups';
import type { User } from '#identity';
import {
  MailerService,
  localTime,
  reminderEmail,
  type SessionEmailInput,
  sessionCancelledEmail,
  sessionMovedEmail,
} from '#notifications';
import { type Session, sessionTitle } from '#sessions';
import type { DeliveryKind } from './delivery.entity.js';
import { type DeliveryKey, DeliveryRepository } from './delivery.repository.js';
import { ReminderAudienceRepository } from './reminder-audience.repository.js';
import type { SendReminderPayload } from './send-reminder.job.js';
import type { SessionNoticePayload } from './session-notice/session-notice.queue.js';

/** A job firing this much before its time belongs to an earlier plan of a session moved later. */
const EARLY_TOLERANCE_MS = 5_000;

/**
 * Sends what the reminder jobs ask for, after re-reading the database: nothing for a cancelled,
 * moved or started session, a person no longer in the group, or a channel they turned off. Each
 * message is claimed in the delivery table first, so a second run sends nothing.
 */
@Injectable()
export class ReminderSender {
  private readonly logger = new Logger(ReminderSender.name);

  constructor(
    private readonly audience: ReminderAudienceRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly mailer: MailerService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async sendReminder({ sessionId, userId, offsetMinutes }: SendReminderPayload): Promise<number> {
    const found = await this.audience.forReminder(sessionId, userId);
    if (!found) return 0;
    const { session, group, offsets, recipient } = found;
    if (session.status !== 'scheduled' && session.status !== 'open') return 0;
    const now = this.clock.millis();
    const dueAt = session.startsAt.getTime() - offsetMinutes * 60_000;
    if (now < dueAt - EARLY_TOLERANCE_MS || now >= session.startsAt.getTime()) return 0;
    if (!recipient || !offsets.includes(offsetMinutes)) return 0;

    const input = this.emailInput(session, group, recipient);
    const when = localTime(session.startsAt, input.timezone);
    return this.deliver(
      recipient,
      { kind: 'reminder', sessionId, userId, variant: offsetMinutes, revision: session.revision },
      {
        email: () => reminderEmail(input, offsetMinutes),
        inApp: {
          kind: 'reminder',
          title: `${group.name} meets soon`,
          body: `${sessionTitle(session)}, ${when}`,
        },
      },
    );
  }

  /** Tells everyone in the group that a session moved or was cancelled. */
  async sendNotice({ sessionId, kind, revision }: SessionNoticePayload): Promise<number> {
    const found = await this.audience.forNotice(sessionId);
    if (!found || found.session.revision !== revision) return 0; // changed again: a newer notice follows
    const { session, group, recipients } = found;
    let sent = 0;
    for (const user of recipients) {
      const input = this.emailInput(session, group, user);
      const when = localTime(session.startsAt, input.timezone);
      sent += await this.deliver(
        user,
        { kind, sessionId, userId: user.id, variant: 0, revision },
        {
          email: () =>
            kind === 'session_cancelled'
              ? sessionCancelledEmail(input, session.cancelReason)
              : sessionMovedEmail(input),
          inApp:
            kind === 'session_cancelled'
              ? {
                  kind,
                  title: `${group.name}: session cancelled`,
                  body: [`${sessionTitle(session)}, ${when}`, session.cancelReason]
                    .filter(Boolean)
                    .join('. '),
                }
              : {
                  kind,
                  title: `${group.name}: session moved`,
                  body: `${sessionTitle(session)}, now ${when}`,
                },
        },
      );
    }
    return sent;
  }

  /**
   * Another lib's message about a session to one person, on the channels they chose, exactly
   * once per key (the measure check-in reminder, say).
   */
  sendOnce(
    recipient: Pick<User, 'reminderEmail' | 'reminderInApp'>,
    key: Omit<DeliveryKey, 'channel'> & { kind: DeliveryKind },
    message: {
      email: () => Parameters<MailerService['send']>[0];
      inApp: { kind: string; title: string; body: string };
    },
  ): Promise<number> {
    return this.deliver(recipient, key, message);
  }

  private async deliver(
    user: Pick<User, 'reminderEmail' | 'reminderInApp'>,
    key: Omit<DeliveryKey, 'channel'> & { kind: DeliveryKind },
    message: {
      email: () => Parameters<MailerService['send']>[0];
      inApp: { kind: string; title: string; body: string };
    },
  ): Promise<number> {
    let sent = 0;
    if (
      user.reminderInApp &&
      (await this.deliveries.notifyInApp(
        { ...key, channel: 'in_app' },
        message.inApp,
        this.clock.now(),
      ))
    ) {
      sent++;
    }
    const emailKey: DeliveryKey = { ...key, channel: 'email' };
    if (user.reminderEmail && (await this.deliveries.claim(emailKey))) {
      await this.mailer.send(message.email());
      await this.deliveries.markSent(emailKey, this.clock.now());
      this.logger.log(`${key.kind} for session ${key.sessionId} mailed to user ${key.userId}`);
      sent++;
    }
    return sent;
  }

  private emailInput(session: Session, group: Group, user: User): SessionEmailInput {
    return {
      to: user.email,
      displayName: user.displayName,
      groupName: group.name,
      moduleTitle: sessionTitle(session),
      sessionId: session.id,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      timezone: user.timezone ?? group.timezone,
      joinLink: new URL(`/sessions/${session.id}/join`, this.config.PUBLIC_URL).toString(),
      revision: session.revision,
    };
  }
}
