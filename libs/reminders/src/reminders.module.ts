import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '#notifications';
import { SessionsModule } from '#sessions';
import { Delivery } from './delivery.entity.js';
import { DeliveryRepository } from './delivery.repository.js';
import { InAppNotificationsService } from './in-app-notifications.service.js';
import { Notification } from './notification.entity.js';
import { NotificationRepository } from './notification.repository.js';
import { PlanLockRepository } from './plan-lock.repository.js';
import { ReminderAudienceRepository } from './reminder-audience.repository.js';
import { ReminderPlanner } from './reminder-planner.service.js';
import { ReminderSender } from './reminder-sender.service.js';
import { PlanRemindersListener } from './plan-reminders/plan-reminders.listener.js';
import { PlanRemindersQueue } from './plan-reminders/plan-reminders.queue.js';
import { SessionNoticeListener } from './session-notice/session-notice.listener.js';
import { SessionNoticeQueue } from './session-notice/session-notice.queue.js';
import { RemindersPersonalData } from './personal-data/reminders-personal-data.js';
import { RemindersPersonalDataRepository } from './personal-data/reminders-personal-data.repository.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Delivery, Notification]),
    SessionsModule,
    NotificationsModule,
  ],
  providers: [
    DeliveryRepository,
    NotificationRepository,
    PlanLockRepository,
    ReminderAudienceRepository,
    ReminderPlanner,
    ReminderSender,
    InAppNotificationsService,
    PlanRemindersQueue,
    PlanRemindersListener,
    SessionNoticeQueue,
    SessionNoticeListener,
    RemindersPersonalDataRepository,
    RemindersPersonalData,
  ],
  exports: [
    ReminderPlanner,
    ReminderSender,
    InAppNotificationsService,
    DeliveryRepository,
    NotificationRepository,
  ],
})
export class RemindersModule {}
