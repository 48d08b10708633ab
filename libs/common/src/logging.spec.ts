import { stdSerializers } from 'pino';
import { QueryFailedError } from 'typeorm';
import { requestId, serializeError } from './logging.module.js';

describe('serializeError', () => {
  it('keeps what diagnoses an error and drops the query parameters a database error carries', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      detail: 'Key (email)=(sam@example.org) already exists.',
    });
    const error = new QueryFailedError(
      'INSERT INTO users ...',
      ['sam@example.org', '$argon2id$...'],
      driverError,
    );
    const logged = JSON.stringify(serializeError(error));
    expect(logged).toContain('duplicate key value');
    expect(logged).toContain('23505');
    expect(logged).not.toContain('sam@example.org');
    expect(logged).not.toContain('argon2id');
  });

  it('does the same with the copy pino-http hands over, which carries every field of the error', () => {
    const error = new QueryFailedError('INSERT ...', ['sam@example.org'], new Error('duplicate'));
    const serialized = serializeError(stdSerializers.err(error));
    expect(serialized).toMatchObject({ type: 'QueryFailedError', message: 'duplicate' });
    expect(serialized.stack).toContain('QueryFailedError');
    expect(JSON.stringify(serialized)).not.toContain('sam@example.org');
  });
});

describe('requestId', () => {
  it('keeps a sane incoming id and replaces anything else', () => {
    expect(requestId({ headers: { 'x-request-id': 'abc-123' } })).toBe('abc-123');
    expect(requestId({ headers: { 'x-request-id': 'x'.repeat(65) } })).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestId({ headers: {} })).toMatch(/^[0-9a-f-]{36}$/);
  });
});
