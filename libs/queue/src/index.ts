/** The public surface of #queue: other libs and the apps import only this. */
export * from './job-handler.js';
export * from './job-options.js';
export * from './queue-connection.js';
export * from './queue.module.js';
export * from './queues.js';
