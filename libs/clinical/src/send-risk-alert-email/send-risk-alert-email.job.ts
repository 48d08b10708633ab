import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '#common';
import { AppConfig } from '#config';
import { Transactions } from '#database';
import { MailerService } from '#notifications';
import type { JobHandler } from '#queue';
import { NotificationRepository } from '#reminders';
import { MeasureRepository } from '../measures/measure.repository.js';
import { RISK_ALERT_EMAIL_JOB, type RiskAlertEmailPayload } from './risk-alert-email.queue.js';

/**
 * In the worker: tells the group's facilitators, in the app and by e-mail, that someone needs
 * their attention before the session, whatever their reminder settings (a duty of care, not a
 * reminder). Neither names anybody or carries a score, item, group or answer: only a link to
 * sign in, where the alert is on the session page. Nothing once the alert is resolved. Each
 * notice is claimed before it goes: a retried job sends only what it missed (an e-mail whose
 * sending was cut off midway may go twice, never none).
 */
@Injectable()
export class SendRiskAlertEmailJob implements JobHandler<RiskAlertEmailPayload> {
  readonly jobName = RISK_ALERT_EMAIL_JOB;
  private readonly logger = new Logger(SendRiskAlertEmailJob.name);

  constructor(
    private readonly measures: MeasureRepository,
    private readonly notifications: NotificationRepository,
    private readonly transactions: Transactions,
    private readonly mailer: MailerService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async handle({ alertId }: RiskAlertEmailPayload): Promise<void> {
    const alert = await this.measures.findAlert(alertId);
    if (!alert || alert.resolvedAt || alert.notifiedAt) return;
    const facilitators = await this.measures.facilitatorsOf(alert.sessionId);
    const link = new URL(`/sessions/${alert.sessionId}`, this.config.PUBLIC_URL).toString();
    // Each facilitator on each channel is claimed first: a retry tells only whom it missed.
    for (const { id, email } of facilitators) {
      if (await this.measures.claimNotice(alert.id, id, 'in_app')) {
        await this.transactions.run(async (tx) => {
          await this.notifications.add(
            {
              userId: id,
              kind: 'risk_alert',
              title: 'Someone may need your support',
              body: 'Open the session to see the alert.',
              sessionId: alert.sessionId,
            },
            tx,
          );
          await this.measures.markNoticeSent(alert.id, id, 'in_app', tx);
        });
      }
      if (await this.measures.claimNotice(alert.id, id, 'email')) {
        await this.mailer.send(riskAlertEmail(email, link));
        await this.measures.markNoticeSent(alert.id, id, 'email');
      }
    }
    await this.measures.markNotified(alert.id, this.clock.now());
    this.logger.log(`Risk alert ${alertId}: ${facilitators.length} facilitators told`);
  }
}

/** Names nobody and carries no score, item, group or answer: only a link to sign in. */
function riskAlertEmail(to: string, link: string) {
  const text = [
    'Hello,',
    '',
    'Someone in a group you facilitate may need your support before the next session.',
    'Please sign in to Hearth and open the session to see the alert.',
    '',
    link,
    '',
    'This e-mail was sent by Hearth. It holds no details on purpose.',
  ].join('\n');
  return {
    to,
    subject: 'Hearth: please sign in, someone may need support',
    text,
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>Hello,</p>
<p>Someone in a group you facilitate may need your support before the next session. Please sign in to Hearth and open the session to see the alert.</p>
<p><a href="${link}">Open the session in Hearth</a></p>
<p style="color:#666">This e-mail was sent by Hearth. It holds no details on purpose.</p>
</body></html>`,
  };
}
