import { Processor } from '@nestjs/bullmq';
import { MeasureCheckInsJob } from '#clinical';
import { CommunityDigestJob } from '#community';
import { QueueName } from '#queue';
import { PlanRemindersJob, SendReminderJob, SessionNoticeJob } from '#reminders';
import { SendWebinarReminderJob } from '#webinars';
import { DispatchingProcessor } from './dispatching-processor.js';

// The lock settings come from the config (worker-options.ts).
@Processor(QueueName.Reminders, { concurrency: 8 })
export class RemindersProcessor extends DispatchingProcessor {
  constructor(
    plan: PlanRemindersJob,
    send: SendReminderJob,
    notice: SessionNoticeJob,
    webinar: SendWebinarReminderJob,
    checkIns: MeasureCheckInsJob,
    communityDigest: CommunityDigestJob,
  ) {
    super(QueueName.Reminders, [plan, send, notice, webinar, checkIns, communityDigest]);
  }
}
