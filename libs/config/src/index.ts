/** The public surface of #config: other libs and the apps import only this. */
export * from './app-config.js';
export * from './config.module.js';
export * from './load-config-or-exit.js';
