/** The public surface of #reminders: other libs and the apps import only this. */
export * from './in-app-notifications.service.js';
export * from './notification.entity.js';
export * from './notification.repository.js';
export * from './notification.view.js';
export * from './reminder-planner.service.js';
export * from './reminder-sender.service.js';
export * from './reminders.module.js';
export * from './send-reminder.job.js';
