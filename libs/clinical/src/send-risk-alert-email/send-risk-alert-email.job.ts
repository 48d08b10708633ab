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
 * sign in, where the alert is on the session page. Nothing once the alert is resolved. The in-app
 * notices are added once; a retried job may send an e-mail twice, never none.
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
    if (!alert || alert.resolvedAt) return;
    const facilitators = await this.measures.facilitatorsOf(alert.sessionId);
    await this.transactions.run(async (tx) => {
      if (!(await this.measures.claimNotified(alert.id, this.clock.now(), tx))) return;
      for (const { id } of facilitators) {
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
      }
    });
    const link = new URL(`/sessions/${alert.sessionId}`, this.config.PUBLIC_URL).toString();
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
    for (const { email } of facilitators) {
      await this.mailer.send({
        to: email,
        subject: 'Hearth: please sign in, someone may need support',
        text,
        html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>Hello,</p>
<p>Someone in a group you facilitate may need your support before the next session. Please sign in to Hearth and open the session to see the alert.</p>
<p><a href="${link}">Open the session in Hearth</a></p>
<p style="color:#666">This e-mail was sent by Hearth. It holds no details on purpose.</p>
</body></html>`,
      });
    }
    this.logger.log(`Risk alert ${alertId}: ${facilitators.length} facilitators told`);
  }
}
