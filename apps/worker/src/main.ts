import 'reflect-metadata';
import { loadConfigOrExit } from '#config/load-config-or-exit.js';
import { startWorker } from './worker-app.js';

const config = loadConfigOrExit('worker');
await startWorker(config);
