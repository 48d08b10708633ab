/** The public surface of #groups: other libs and the apps import only this. */
export * from './dto/enrollment.dto.js';
export * from './dto/enrollment.view.js';
export * from './dto/group.dto.js';
export * from './dto/group.view.js';
export * from './enrollment.repository.js';
export * from './enrollment.service.js';
export * from './group-access.service.js';
export * from './group-tags.js';
export * from './group.events.js';
export * from './group.entity.js';
export * from './group.repository.js';
export * from './group.service.js';
export * from './groups.module.js';
export * from './send-waitlist-promotion-email/send-waitlist-promotion-email.job.js';
export * from './send-waitlist-promotion-email/waitlist-promotion-email.queue.js';
