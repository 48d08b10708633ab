import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { ALL_QUEUES } from './queues.js';

/**
 * Sends queue connection errors to the log instead of the console. Readiness reports the outage;
 * the log says once per failed attempt what went wrong, without connection strings.
 */
@Injectable()
export class QueueErrorLogger implements OnModuleInit {
  private readonly logger = new Logger('Queue');

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const name of ALL_QUEUES) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.on('error', (error: Error & { code?: string }) =>
        this.logger.warn(`Queue ${name}: ${error.code ?? error.message}`),
      );
    }
  }
}
