import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations.js';

/** Connection settings shared by the apps, the migration CLI and the tests. */
export function databaseOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    extra: { max: 20, application_name: 'hearth' },
  };
}
