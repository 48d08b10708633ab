/** The public surface of #community: other libs and the apps import only this. */
export * from './community.dto.js';
export * from './community.entities.js';
export * from './community.module.js';
export * from './community.view.js';
export * from './digest/community-digest.job.js';
export * from './digest/community-digest.queue.js';
export * from './digest/digest-message.js';
export * from './moderation/moderation.service.js';
export * from './posts/crisis-flags.service.js';
export * from './posts/posts.service.js';
export * from './space/space.service.js';
export * from './stream/community-events.js';
export * from './stream/community-stream.service.js';
