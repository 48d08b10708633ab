import { Processor } from '@nestjs/bullmq';
import { QueueName } from '#queue';
import { PlanRemindersJob } from '../jobs/plan-reminders.job.js';
import { SendReminderJob } from '../jobs/send-reminder.job.js';
import { SessionNoticeJob } from '../jobs/session-notice.job.js';
import { SendWebinarReminderJob } from '../jobs/send-webinar-reminder.job.js';
import { DispatchingProcessor } from './dispatching-processor.js';

// Decorator options are fixed at load time, so this one setting is read from the environment
// directly (AppConfig validates the same variable at boot).
const lockDuration = Number(process.env.QUEUE_LOCK_DURATION_MS ?? 30_000);

@Processor(QueueName.Reminders, { concurrency: 8, lockDuration, stalledInterval: lockDuration })
export class RemindersProcessor extends DispatchingProcessor {
  constructor(
    plan: PlanRemindersJob,
    send: SendReminderJob,
    notice: SessionNoticeJob,
    webinar: SendWebinarReminderJob,
  ) {
    super(QueueName.Reminders, [plan, send, notice, webinar]);
  }
}
