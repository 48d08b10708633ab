import 'reflect-metadata';
import { loadConfigOrExit } from '#config';
import { explainDatabaseError } from '#database';
import { startWorker } from './worker-app.js';

const config = loadConfigOrExit('worker');
try {
  await startWorker(config);
} catch (error) {
  const explained = explainDatabaseError(error, config.DATABASE_URL);
  if (!explained) throw error;
  process.stderr.write(`hearth worker: ${explained}\n`);
  process.exit(1);
}
