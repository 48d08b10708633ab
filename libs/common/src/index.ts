/** The public surface of #common: other libs and the apps import only this. */
export * from './clock.js';
export * from './csv.js';
export * from './domain-error.js';
export * from './logging.module.js';
export * from './page.js';
export * from './project-root.js';
export * from './signed-token.js';
export * from './validation.js';
