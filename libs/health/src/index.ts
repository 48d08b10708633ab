/** The public surface of #health: other libs and the apps import only this. */
export * from './health.module.js';
export * from './readiness.service.js';
export * from './readiness.view.js';
