import 'reflect-metadata';
import { loadConfigOrExit } from '#config/load-config-or-exit.js';
import { createApiApp } from './api-app.js';

const config = loadConfigOrExit('api');
const app = await createApiApp(config);
await app.listen({ port: config.PORT, host: config.HOST });
