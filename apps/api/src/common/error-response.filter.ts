import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type DomainErrorKind, InvalidInputError, RateLimitedError } from '#common';
import { isDatabaseUnavailable } from '#database';
import { FieldError, ValidationFailedError } from './validation.js';
import { isAppPage, sendAppPage } from './web-app.js';

const STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

const HTTP_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
};

/** Fastify's own words for these name no remedy. */
const BODY_MESSAGES: Record<number, string> = {
  413: 'The body is larger than this route takes',
  415: 'Send the body as JSON, with Content-Type: application/json',
};

/** Every error the api answers (API.md, "Errors"): the OpenAPI document's 4XX and 5XX. */
export class ErrorBody {
  @ApiProperty({ type: 'integer', example: 404 })
  statusCode!: number;

  @ApiProperty({ description: 'Stable snake_case word to branch on', example: 'group_not_found' })
  code!: string;

  @ApiProperty({ description: 'For people; may change' })
  message!: string;

  @ApiPropertyOptional({ type: [FieldError], description: 'The fields at fault, on a 400' })
  errors?: FieldError[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'On a 500: the same id is in the log',
  })
  errorId?: string;
}

/** Fastify's own errors (bad JSON, wrong content type), which Nest wraps as the `cause`. */
function fastifyCode(error: HttpException): string | undefined {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/**
 * Turns every error into the API.md shape. Domain errors map by kind; anything unexpected is a
 * 500 with an `errorId` that is also logged, and never leaks its message to the client.
 */
export function toErrorBody(error: unknown, logger: Logger): ErrorBody {
  if (error instanceof ValidationFailedError) {
    return { statusCode: 400, code: error.code, message: error.message, errors: error.errors };
  }
  if (error instanceof DomainError) {
    const body: ErrorBody = {
      statusCode: STATUS[error.kind],
      code: error.code,
      message: error.message,
    };
    if (error instanceof InvalidInputError && error.field) {
      body.errors = [{ field: error.field, message: error.message }];
    }
    return body;
  }
  if (error instanceof HttpException && error.getStatus() < 500) {
    const statusCode = error.getStatus();
    if (fastifyCode(error)?.startsWith('FST_ERR_CTP_')) {
      const code =
        statusCode === 400 ? 'malformed_body' : (HTTP_CODES[statusCode] ?? 'bad_request');
      const body: ErrorBody = {
        statusCode,
        code,
        message: BODY_MESSAGES[statusCode] ?? error.message,
      };
      if (statusCode === 400) body.errors = [{ field: 'body', message: error.message }];
      return body;
    }
    return { statusCode, code: HTTP_CODES[statusCode] ?? 'bad_request', message: error.message };
  }
  const errorId = randomUUID();
  if (isDatabaseUnavailable(error)) {
    // An outage is not a missing resource nor a bug of ours: the client should retry.
    logger.error({ err: error, errorId }, 'Database unavailable');
    return {
      statusCode: 503,
      code: 'database_unavailable',
      message: 'The database is unavailable; try again shortly',
      errorId,
    };
  }
  logger.error({ err: error, errorId }, 'Unhandled error');
  return { statusCode: 500, code: 'internal_error', message: 'Something went wrong', errorId };
}

@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorResponseFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    if (isAppPage(error, request)) return sendAppPage(reply);
    const body = toErrorBody(error, this.logger);
    if (error instanceof RateLimitedError) {
      void reply.header('retry-after', String(error.retryAfterSeconds));
    }
    // A route may have set its own content type (text/calendar, say); errors are always JSON.
    void reply
      .status(body.statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .send(body);
  }
}
