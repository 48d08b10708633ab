import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '#config';
import { databaseOptions } from './database-options.js';

// The migration CLI runs on the compiled output (npm scripts build first), so entities are
// found next to this file; the apps register theirs through TypeOrmModule.forFeature instead.
const config = loadConfig();

export default new DataSource({
  ...databaseOptions(config.DATABASE_URL),
  entities: [join(import.meta.dirname, '../../*/src/*.entity.js')],
});
