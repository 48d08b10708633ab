/** The public surface of #database: other libs and the apps import only this. */
export * from './claim-once.js';
export * from './connection-error.js';
export * from './database.module.js';
export * from './embedded-postgres.js';
export * from './entity-columns.js';
export * from './keyset-page.js';
export * from './prepared-statement.js';
export * from './transactions.js';
