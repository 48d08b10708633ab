/** The public surface of #video: other libs and the apps import only this. */
export * from './join.service.js';
export * from './lobby.repository.js';
export * from './moderation.service.js';
export * from './mute.dto.js';
export * from './open-close-room/close-room.job.js';
export * from './open-close-room/open-room.job.js';
export * from './open-close-room/session-room.queue.js';
export * from './room-chat.dto.js';
export * from './room-chat.service.js';
export * from './session-room.events.js';
export * from './video.module.js';
export * from './video.service.js';
export * from './video.view.js';
