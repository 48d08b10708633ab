/** The public surface of #organizations: other libs and the apps import only this. */
export * from './dto/organization.dto.js';
export * from './dto/organization.view.js';
export * from './invitations.service.js';
export * from './members.service.js';
export * from './membership.entity.js';
export * from './membership.repository.js';
export * from './my-invitations.service.js';
export * from './organization-access.service.js';
export * from './organization-role.js';
export * from './organization.entity.js';
export * from './organization.events.js';
export * from './organization.repository.js';
export * from './organizations.module.js';
export * from './organizations.service.js';
export * from './profile.service.js';
export * from './send-invitation-email/invitation-email.queue.js';
export * from './send-invitation-email/send-invitation-email.job.js';
