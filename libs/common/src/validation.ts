import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but not sent as null: `@IsOptional()` would let null through to
 * NOT NULL columns. Use it instead of `@IsOptional()` on every optional request field.
 */
export const IsOmittable = () => ValidateIf((_object, value) => value !== undefined);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A syntactically valid UUID, safe to send to a uuid column. */
export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && UUID.test(value);
