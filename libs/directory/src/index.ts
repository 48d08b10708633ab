/** The public surface of #directory: other libs and the apps import only this. */
export * from './directory.module.js';
export * from './directory.service.js';
export * from './dto/directory.dto.js';
export * from './dto/directory.view.js';
export * from './group-listing.entity.js';
export * from './join-request-decisions.service.js';
export * from './join-request-email/join-request-email.queue.js';
export * from './join-request-email/send-join-request-email.job.js';
export * from './join-request.entity.js';
export * from './join-requests.service.js';
