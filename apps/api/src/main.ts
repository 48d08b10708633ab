import 'reflect-metadata';
import { loadConfigOrExit } from '#config';
import { explainDatabaseError } from '#database';
import { createApiApp } from './api-app.js';

const config = loadConfigOrExit('api');
try {
  const app = await createApiApp(config);
  await app.listen({ port: config.PORT, host: config.HOST });
} catch (error) {
  const explained = explainDatabaseError(error, config.DATABASE_URL);
  if (!explained) throw error;
  process.stderr.write(`hearth api: ${explained}\n`);
  process.exit(1);
}
