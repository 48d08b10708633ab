/** The public surface of #clinical: other libs and the apps import only this. */
export * from './clinical.module.js';
export * from './crisis/crisis-resources.service.js';
export * from './crisis/crisis-resources.view.js';
export * from './crisis/default-crisis-resources.js';
export * from './homework/homework.service.js';
export * from './homework/homework.view.js';
export * from './instruments.js';
export * from './measure-check-ins/measure-check-ins.job.js';
export * from './measure-check-ins/measure-check-ins.queue.js';
export * from './measures/measures.service.js';
export * from './measures/measures.view.js';
export * from './measures/risk-alerts.service.js';
export * from './notes/notes.view.js';
export * from './notes/session-notes.service.js';
export * from './send-risk-alert-email/send-risk-alert-email.job.js';
