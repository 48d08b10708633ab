/** The public surface of #audit: other libs and the apps import only this. */
export * from './audit-entry.entity.js';
export * from './audit.module.js';
export * from './audit.service.js';
export * from './audit.view.js';
