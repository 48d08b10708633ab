/** The public surface of #clinical: other libs and the apps import only this. */
export * from './audit-entry.entity.js';
export * from './audit.service.js';
export * from './audit.view.js';
export * from './clinical.module.js';
export * from './measures.js';
