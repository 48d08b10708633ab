import {
  BadRequestException,
  Controller,
  Get,
  HttpException,
  type Logger as NestLogger,
} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Logger, LoggerModule } from 'nestjs-pino';
import { ConflictError, InvalidInputError, NotFoundError, pinoHttpOptions } from '#common';
import { ErrorResponseFilter, toErrorBody } from './error-response.filter.js';
import { ValidationFailedError } from './validation.js';

function fakeLogger() {
  const calls: unknown[][] = [];
  return {
    calls,
    logger: { error: (...args: unknown[]) => calls.push(args) } as unknown as NestLogger,
  };
}

describe('toErrorBody', () => {
  it('maps domain errors by kind with their stable code', () => {
    const { logger } = fakeLogger();
    expect(toErrorBody(new NotFoundError('group_not_found', 'No such group'), logger)).toEqual({
      statusCode: 404,
      code: 'group_not_found',
      message: 'No such group',
    });
    expect(toErrorBody(new ConflictError('webinar_full', 'Full'), logger).statusCode).toBe(409);
  });

  it('answers 503 database_unavailable, never 404 or 500, when the database cannot be reached', () => {
    const { logger, calls } = fakeLogger();
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const dropped = Object.assign(new Error('Query failed'), {
      driverError: new Error('Connection terminated unexpectedly'),
    });
    const shutdown = Object.assign(new Error('terminating connection'), { code: '57P01' });
    for (const error of [refused, dropped, shutdown]) {
      const body = toErrorBody(error, logger);
      expect(body).toMatchObject({ statusCode: 503, code: 'database_unavailable' });
      expect(body.message).not.toContain('5432');
    }
    expect(calls).toHaveLength(3);
    // A query the database refused (a constraint, say) is still ours: a 500.
    const constraint = Object.assign(new Error('duplicate key'), { code: '23505' });
    expect(toErrorBody(constraint, logger).statusCode).toBe(500);
  });

  it('lists the fields of a validation failure', () => {
    const { logger } = fakeLogger();
    const body = toErrorBody(
      new ValidationFailedError([{ field: 'capacity', message: 'too big' }]),
      logger,
    );
    expect(body).toEqual({
      statusCode: 400,
      code: 'validation_failed',
      message: 'Invalid capacity',
      errors: [{ field: 'capacity', message: 'too big' }],
    });
    expect(toErrorBody(new InvalidInputError('x', 'bad', 'startsAt'), logger).errors).toEqual([
      { field: 'startsAt', message: 'bad' },
    ]);
  });

  it('answers an unexpected error with 500 and an errorId that is also logged, hiding the message', () => {
    const { logger, calls } = fakeLogger();
    const body = toErrorBody(new Error('password_hash column is null for x@example.org'), logger);
    expect(body).toEqual({
      statusCode: 500,
      code: 'internal_error',
      message: 'Something went wrong',
      errorId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(calls).toHaveLength(1);
    expect(calls[0][0]).toMatchObject({ errorId: body.errorId });
  });

  it('treats a 5xx HttpException as unexpected too', () => {
    const { logger } = fakeLogger();
    expect(toErrorBody(new HttpException('boom', 502), logger).statusCode).toBe(500);
    expect(toErrorBody(new BadRequestException('nope'), logger)).toMatchObject({
      statusCode: 400,
      code: 'bad_request',
    });
  });
});

describe(ErrorResponseFilter.name, () => {
  @Controller('boom')
  class FailingController {
    @Get()
    fail(): never {
      throw new TypeError('the fixture failed on purpose');
    }
  }

  it('logs an unhandled error with its type, message, stack and errorId', async () => {
    const lines: string[] = [];
    const stream = { write: (line: string) => void lines.push(line) };
    const moduleRef = await Test.createTestingModule({
      imports: [
        LoggerModule.forRoot({ pinoHttp: [pinoHttpOptions({ LOG_LEVEL: 'info' }), stream] }),
      ],
      controllers: [FailingController],
      providers: [{ provide: APP_FILTER, useClass: ErrorResponseFilter }],
    }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
      bufferLogs: true,
    });
    app.useLogger(app.get(Logger));
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.getHttpServer().address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/boom`);
      expect(response.status).toBe(500);
      const { errorId } = (await response.json()) as { errorId: string };
      const logged = lines
        .map((line) => JSON.parse(line) as { errorId?: string; err?: Record<string, unknown> })
        .find((entry) => entry.errorId === errorId);
      expect(logged?.err).toMatchObject({
        type: 'TypeError',
        message: 'the fixture failed on purpose',
        stack: expect.stringContaining('FailingController.fail'),
      });
    } finally {
      await app.close();
    }
  });
});
