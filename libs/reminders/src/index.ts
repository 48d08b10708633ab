/** The public surface of #reminders: other libs and the apps import only this. */
export * from './in-app-notifications.service.js';
export * from './notification.entity.js';
export * from './notification.repository.js';
export * from './notification.view.js';
export * from './plan-reminders/plan-reminders.job.js';
export * from './plan-reminders/plan-reminders.queue.js';
export * from './reminder-planner.service.js';
export * from './reminder-sender.service.js';
export type { DeliveryKind } from './delivery.entity.js';
export * from './reminders.module.js';
export * from './send-reminder.job.js';
export * from './session-notice/session-notice.job.js';
export * from './session-notice/session-notice.queue.js';
