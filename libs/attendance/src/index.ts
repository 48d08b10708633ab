/** The public surface of #attendance: other libs and the apps import only this. */
export * from './attendance-report.service.js';
export * from './attendance.module.js';
export * from './attendance.service.js';
export * from './attendance.view.js';
export * from './override-attendance.dto.js';
export * from './process-attendance-event/attendance-event.queue.js';
export * from './process-attendance-event/process-attendance-event.job.js';
export * from './reconcile-attendance/reconcile-attendance.job.js';
export * from './reconcile-attendance/reconcile-attendance.queue.js';
export * from './webinar-attendance.service.js';
