import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import {
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import { AppConfig } from '#config';
import { queueBackend, QueueName } from '#queue';
import type { Readiness } from './readiness.view.js';

const TIMEOUT_MS = 2_000;

/** Whether this process can do its work: the database and the queue backend both answer. */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  /** Resolves when ready; rejects with a ServiceUnavailableException carrying the details. */
  check(): Promise<Readiness> {
    const backend = queueBackend(this.config);
    return this.health.check([
      () => this.database.pingCheck('database').withTimeout(TIMEOUT_MS),
      () =>
        this.indicators
          .check('queue')
          .attempt(async () => {
            await this.queue.getJobCounts('waiting');
            return { backend };
          })
          .withTimeout(TIMEOUT_MS),
    ]);
  }
}
