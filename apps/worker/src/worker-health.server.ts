import { createServer, type Server } from 'node:http';
import {
  Injectable,
  Logger,
  OnApplicationShutdown,
  ServiceUnavailableException,
} from '@nestjs/common';
import { AppConfig } from '#config';
import { ReadinessService } from '#health';

/**
 * The worker's own health endpoint, on WORKER_HEALTH_PORT (0 picks a free port):
 * `/api/v1/health` (the process is up) and `/api/v1/health/ready` (database and queue answer).
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHealthServer.name);
  private server?: Server;

  constructor(
    private readonly readiness: ReadinessService,
    private readonly config: AppConfig,
  ) {}

  /** Starts listening; answers the bound port. */
  async listen(): Promise<number> {
    const server = createServer((request, response) => {
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      const path = (request.url ?? '').split('?')[0];
      if (request.method !== 'GET')
        return reply(405, { statusCode: 405, code: 'method_not_allowed' });
      if (path === '/api/v1/health') return reply(200, { status: 'ok' });
      if (path !== '/api/v1/health/ready')
        return reply(404, { statusCode: 404, code: 'not_found' });
      this.readiness.check().then(
        (result) => reply(200, result),
        (error: unknown) => {
          if (error instanceof ServiceUnavailableException) return reply(503, error.getResponse());
          this.logger.error({ err: error }, 'Readiness check failed');
          reply(500, { statusCode: 500, code: 'internal_error' });
        },
      );
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.WORKER_HEALTH_PORT, this.config.HOST, resolve);
    });
    const address = server.address();
    return typeof address === 'object' && address ? address.port : this.config.WORKER_HEALTH_PORT;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
