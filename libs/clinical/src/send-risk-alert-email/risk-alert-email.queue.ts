import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { PERSISTENT_RETRY, QueueName } from '#queue';

export const RISK_ALERT_EMAIL_JOB = 'risk-alert-email';

export interface RiskAlertEmailPayload {
  alertId: string;
}

/** Queues the facilitators' e-mail about a new risk alert; call after the alert committed. */
@Injectable()
export class RiskAlertEmailQueue {
  constructor(@InjectQueue(QueueName.Notifications) private readonly queue: Queue) {}

  async add(payload: RiskAlertEmailPayload): Promise<void> {
    await this.queue.add(RISK_ALERT_EMAIL_JOB, payload, {
      ...PERSISTENT_RETRY,
      jobId: `risk-alert-${payload.alertId}`,
      removeOnComplete: true,
    });
  }
}
