/** The public surface of #notifications: other libs and the apps import only this. */
export * from './check-in-email.js';
export * from './invitation-email.js';
export * from './mailer.service.js';
export * from './notifications.module.js';
export * from './password-reset-email.js';
export * from './session-email.js';
export * from './verification-email.js';
export * from './waitlist-promotion-email.js';
export * from './webinar-email.js';
