import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { ClockModule } from '#common';
import { AppConfig } from '#config';
import { DEFAULT_JOB_OPTIONS } from './job-options.js';
import { queueConnection } from './queue-connection.js';
import { QueueErrorLogger } from './queue-error.logger.js';
import { ALL_QUEUES } from './queues.js';

/**
 * The queues (each lib adds its own jobs to them, from the folder of each job). Workers are never
 * started by this module: the api only produces, and the worker app registers its processors
 * itself once it has checked that every queue has one.
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        ClockModule,
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            connection: queueConnection(config),
            prefix: config.QUEUE_PREFIX,
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
          }),
          extraOptions: { manualRegistration: true },
        }),
        BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
      ],
      providers: [QueueErrorLogger],
      exports: [BullModule],
    };
  }
}
