import { BadRequestException, HttpException, type Logger } from '@nestjs/common';
import { ConflictError, InvalidInputError, NotFoundError } from '#common/domain-error.js';
import { toErrorBody } from './error-response.filter.js';
import { ValidationFailedError } from './validation.js';

function fakeLogger() {
  const calls: unknown[][] = [];
  return {
    calls,
    logger: { error: (...args: unknown[]) => calls.push(args) } as unknown as Logger,
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
