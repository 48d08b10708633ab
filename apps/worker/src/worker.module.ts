import { DynamicModule, Module, type Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ClockModule, LoggingModule } from '#common';
import type { AppConfig } from '#config';
import { ConfigModule } from '#config';
import { DatabaseModule } from '#database';
import { SendWaitlistPromotionEmailJob } from '#groups';
import { HealthModule } from '#health';
import { NotificationsModule } from '#notifications';
import { PurgeErasedRecordsJob, SendEmailVerificationJob, SendPasswordResetJob } from '#identity';
import { OrganizationsModule, SendInvitationEmailJob } from '#organizations';
import { QueueModule } from '#queue';
import { CloseRoomJob, OpenRoomJob, VideoModule } from '#video';
import { PlanRemindersJob, RemindersModule, SendReminderJob, SessionNoticeJob } from '#reminders';
import { AttendanceModule, ProcessAttendanceEventJob, ReconcileAttendanceJob } from '#attendance';
import { ClinicalModule, MeasureCheckInsJob, SendRiskAlertEmailJob } from '#clinical';
import { CommunityDigestJob, CommunityModule } from '#community';
import { ExtendSchedulesJob, SessionsModule } from '#sessions';
import { DirectoryModule, SendJoinRequestEmailJob } from '#directory';
import {
  SendWebinarConfirmationJob,
  SendWebinarReminderJob,
  SendWebinarSpeakerInvitationJob,
  WebinarsModule,
} from '#webinars';
import { NotificationsProcessor } from './processors/notifications.processor.js';
import { RoomsProcessor } from './processors/rooms.processor.js';
import { AttendanceProcessor } from './processors/attendance.processor.js';
import { MaintenanceProcessor } from './processors/maintenance.processor.js';
import { RemindersProcessor } from './processors/reminders.processor.js';
import { WorkerHealthServer } from './worker-health.server.js';
import { configuredProcessor } from './worker-options.js';

/** One processor per queue, each queue must have one (checked at start-up). */
export const PROCESSORS: Type[] = [
  NotificationsProcessor,
  RoomsProcessor,
  RemindersProcessor,
  AttendanceProcessor,
  MaintenanceProcessor,
];

/** One class per job; processors hand each job to the class of its name. */
const JOBS: Type[] = [
  SendInvitationEmailJob,
  SendEmailVerificationJob,
  SendPasswordResetJob,
  SendWaitlistPromotionEmailJob,
  OpenRoomJob,
  CloseRoomJob,
  PlanRemindersJob,
  SendReminderJob,
  SessionNoticeJob,
  ProcessAttendanceEventJob,
  ReconcileAttendanceJob,
  SendWebinarConfirmationJob,
  SendWebinarSpeakerInvitationJob,
  SendWebinarReminderJob,
  SendRiskAlertEmailJob,
  MeasureCheckInsJob,
  PurgeErasedRecordsJob,
  CommunityDigestJob,
  ExtendSchedulesJob,
  SendJoinRequestEmailJob,
];

/** The worker: processors and a health endpoint, no HTTP api. It never runs migrations. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, processors: Type[] = PROCESSORS): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        ClockModule,
        DiscoveryModule,
        DatabaseModule.forRoot({ runMigrations: false }),
        EventEmitterModule.forRoot(),
        QueueModule.forRoot(),
        HealthModule,
        OrganizationsModule,
        VideoModule,
        RemindersModule,
        SessionsModule,
        AttendanceModule,
        WebinarsModule,
        ClinicalModule,
        CommunityModule,
        DirectoryModule,
        NotificationsModule,
      ],
      providers: [
        ...processors.map((processor) => configuredProcessor(processor, config)),
        ...JOBS,
        WorkerHealthServer,
      ],
    };
  }
}
