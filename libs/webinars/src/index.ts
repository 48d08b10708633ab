/** The public surface of #webinars: other libs and the apps import only this. */
export * from './questions.service.js';
export * from './registration.repository.js';
export * from './webinar-access.service.js';
export * from './webinar-attendance.repository.js';
export * from './webinar-hosts.service.js';
export * from './webinar-mail.service.js';
export * from './webinar-reminder.sender.js';
export * from './webinar.dto.js';
export * from './webinar.entity.js';
export * from './webinar.repository.js';
export * from './webinar.view.js';
export * from './webinars.module.js';
export * from './webinars.service.js';
