import rateLimit from '@fastify/rate-limit';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import { DomainError, requestId } from '#common';
import { type AppConfig, trustProxySetting } from '#config';
import { ApiModule } from './api.module.js';
import { API_PREFIX } from './common/api-prefix.js';
import { applyRequestLimits, REQUEST_LIMITS } from './common/request-limits.js';
import { createValidationPipe } from './common/validation.js';
import { buildOpenApiDocument } from './openapi.js';
import { webAppRoot } from './common/web-app.js';

/** Where the built web app is served from (the api serves it at the site root). */
const APP_ROOT = webAppRoot();

/** Where browsers may talk to LiveKit: its signalling WebSocket and its HTTP checks. */
function liveKitOrigins(config: AppConfig): string[] {
  const url = config.LIVEKIT_PUBLIC_URL ?? config.LIVEKIT_URL;
  if (!url) return [];
  const { host, protocol } = new URL(url);
  const secure = protocol === 'https:' || protocol === 'wss:';
  return [`${secure ? 'wss' : 'ws'}://${host}`, `${secure ? 'https' : 'http'}://${host}`];
}

/**
 * Builds the api exactly as production runs it; `main.ts` and the e2e tests both use it.
 * Fastify, helmet, raw webhook bodies, validation, the error shape, rate limits and OpenAPI.
 */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(config),
    new FastifyAdapter({
      bodyLimit: REQUEST_LIMITS.defaultBodyBytes,
      trustProxy: trustProxySetting(config),
      genReqId: requestId,
    }),
    // Nest's own parsers (JSON and forms) are replaced by the bounded JSON parser below.
    { bufferLogs: true, abortOnError: false, bodyParser: false },
  );
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    // API answers are personal (or about someone): no browser or proxy may keep a copy.
    if (request.url.startsWith(`/${API_PREFIX}/`) && !reply.hasHeader('cache-control')) {
      void reply.header('cache-control', 'no-store');
    }
  });
  applyRequestLimits(fastify);

  // Helmet's headers, built once at start-up (@fastify/helmet rebuilt them on every request).
  const secureHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", ...liveKitOrigins(config)],
        mediaSrc: ["'self'", 'blob:'],
        // Served over plain HTTP on a LAN or in compose too; TLS is the proxy's job.
        upgradeInsecureRequests: null,
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) =>
    secureHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
  // Counted in Redis when there is one, so every api replica shares the same limits.
  const rateLimitStore = config.REDIS_URL
    ? new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 })
    : undefined;
  if (rateLimitStore) fastify.addHook('onClose', async () => void (await rateLimitStore.quit()));
  await app.register(rateLimit, {
    global: false,
    max: config.AUTH_RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    redis: rateLimitStore,
    nameSpace: `${config.QUEUE_PREFIX}-rate-limit-`,
    errorResponseBuilder: (_request, context) =>
      new DomainError(
        'rate_limited',
        'rate_limited',
        `Too many attempts; retry in ${context.after}`,
      ),
  });

  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  // The built web app; its hashed assets never change, so browsers keep them.
  app.useStaticAssets({
    root: APP_ROOT,
    prefix: '/',
    index: ['index.html'],
    redirect: true,
    setHeaders: (response, path) => {
      response.setHeader(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });

  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
  });

  await app.init();
  await fastify.ready();
  return app;
}
