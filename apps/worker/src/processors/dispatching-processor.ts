import { WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { JobHandler } from '#queue';

/** A queue's processor that hands each job to the one handler class of its name. */
export abstract class DispatchingProcessor extends WorkerHost {
  private readonly handlers: Map<string, JobHandler<unknown>>;

  protected constructor(
    private readonly queueName: string,
    handlers: JobHandler<never>[],
  ) {
    super();
    this.handlers = new Map(handlers.map((h) => [h.jobName, h as JobHandler<unknown>]));
  }

  async process(job: Job): Promise<void> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`No handler for job ${job.name} on ${this.queueName}`);
    await handler.handle(job.data);
  }
}
