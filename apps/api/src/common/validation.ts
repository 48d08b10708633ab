import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { DomainError } from '#common';

/** One problem with the input, named by its field (`modules.0.title`, `body`, `cursor`). */
export class FieldError {
  @ApiProperty({ example: 'capacity' })
  field!: string;

  @ApiProperty()
  message!: string;
}

/** More would only make an answer as large as a hostile body: the first ones name the problem. */
const MAX_REPORTED_ERRORS = 20;

/** A request body, query or path that failed validation; the api answers 400 with the fields. */
export class ValidationFailedError extends DomainError {
  readonly errors: FieldError[];

  constructor(errors: FieldError[]) {
    errors = errors.slice(0, MAX_REPORTED_ERRORS);
    super(
      'invalid',
      'validation_failed',
      `Invalid ${[...new Set(errors.map((e) => e.field))].join(', ')}`,
    );
    this.errors = errors;
  }
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = error.property
      ? parent
        ? `${parent}.${error.property}`
        : error.property
      : parent;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field: field || 'body',
      message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Strips nothing silently: unknown fields, wrong types and missing fields are all 400s. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(flatten(errors)),
  });
}
