/** The public surface of #sessions: other libs and the apps import only this. */
export * from './calendar-feed.service.js';
export * from './dto/member-group.view.js';
export * from './dto/session-agenda.view.js';
export * from './dto/session.dto.js';
export * from './group-setup.service.js';
export * from './member-groups.service.js';
export * from './session-access.js';
export * from './session-agenda.service.js';
export * from './session-lifecycle.service.js';
export * from './session-schedule.service.js';
export * from './session-state.js';
export * from './session-view.js';
export * from './session.events.js';
export * from './session.entity.js';
export * from './session.repository.js';
export * from './sessions.module.js';
