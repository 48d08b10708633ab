import type { Schemas } from './client';

/** An api refusal: its status, its stable `code` to branch on, and its message for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Schemas['FieldError'][] = [],
  ) {
    super(message);
  }
}

type Answer<T> = { data?: T; error?: unknown; response: Response };

/**
 * The answer's body, or an ApiError: lets TanStack Query's `queryFn`/`mutationFn` throw on a
 * refusal. `await ok(api.GET('/api/v1/me'))`.
 */
export async function ok<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) {
    const body = (error ?? {}) as Partial<Schemas['ErrorBody']>;
    throw new ApiError(
      response.status,
      body.code ?? 'error',
      body.message ?? response.statusText,
      body.errors,
    );
  }
  return data as T;
}
