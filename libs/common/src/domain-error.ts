/**
 * The kinds of failure a domain service can report. The api maps each kind to one HTTP status;
 * the worker logs them. Services never throw HttpException: the same code runs in both apps.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable';

/** A failure with a stable snake_case `code` that callers may rely on. */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super('not_found', code, message);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string) {
    super('conflict', code, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(code: string, message: string) {
    super('forbidden', code, message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(code: string, message: string) {
    super('unauthenticated', code, message);
  }
}

export class InvalidInputError extends DomainError {
  constructor(
    code: string,
    message: string,
    /** The request field at fault, when there is one. */
    readonly field?: string,
  ) {
    super('invalid', code, message);
  }
}

export class RateLimitedError extends DomainError {
  constructor(
    code: string,
    message: string,
    /** Whole seconds until a retry may succeed (the api sends it as `Retry-After`). */
    readonly retryAfterSeconds: number,
  ) {
    super('rate_limited', code, message);
  }
}
