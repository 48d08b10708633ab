import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { AppConfig } from '#config';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A request's id: the caller's `x-request-id` when it is sane, a new UUID otherwise. */
export function requestId(req: Pick<IncomingMessage, 'headers'>): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Path segments that are secrets (calendar feed tokens and the like) never reach the log. */
const redactPath = (url = '') =>
  url.split('?')[0].replace(/\/calendar\/[^/]+/, '/calendar/[redacted]');

/**
 * Errors are logged by type, message, code and stack only: database errors carry the query
 * parameters and key values (e-mail addresses, hashes) that must never reach a log.
 */
export function serializeError(error: unknown) {
  // pino-http runs pino's own serializer first and hands over its copy, the original in `raw`.
  const raw = (error as { raw?: unknown } | null | undefined)?.raw;
  const original = raw instanceof Error ? raw : error;
  if (!(original instanceof Error)) return { type: typeof original, message: String(original) };
  const { name, message, stack } = original;
  return { type: name, message, stack, code: (original as { code?: unknown }).code };
}

/** The pino-http options of both apps; exported so tests can log to a stream of their own. */
export const pinoHttpOptions = (config: Pick<AppConfig, 'LOG_LEVEL'>): Options => ({
  level: config.LOG_LEVEL,
  genReqId: requestId,
  serializers: {
    req: (req: { id: string; method: string; url: string }) => ({
      id: req.id,
      method: req.method,
      path: redactPath(req.url),
    }),
    res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    err: serializeError,
  },
  customLogLevel: (_req, res, error) =>
    error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
});

/**
 * Structured pino logs for both apps: one line per request with its id (taken from a sane
 * `x-request-id` or made up), method, route path and status. No bodies, no query strings,
 * no headers that carry credentials.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ pinoHttp: pinoHttpOptions(config) }),
    }),
  ],
})
export class LoggingModule {}
