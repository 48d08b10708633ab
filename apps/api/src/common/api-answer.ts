import { HttpStatus, RequestMethod, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { ApiResponse } from '@nestjs/swagger';

/** A route handler that answers `T`, whatever its parameters. */
type Handler<T> = (...args: never[]) => T | Promise<T>;

/**
 * Describes the route's 2xx answer as `type`, at the status the route really answers (its
 * `@HttpCode`, else 201 for POST and 200 for the rest). The compiler checks that the handler
 * returns `type`, so the document cannot drift from the code. Goes above the route decorator
 * (`@Get`, `@Post`, ...) and `@HttpCode`, which must have run first.
 */
export function ApiAnswer<T>(type: Type<T>, description?: string) {
  return <H extends Handler<T>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ): void => {
    const handler = descriptor.value as object;
    const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
    if (method === undefined) {
      throw new Error(`@ApiAnswer goes above the route decorator of ${String(key)}`);
    }
    const status =
      (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
      (method === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK);
    ApiResponse({ status, type, description })(target, key, descriptor);
  };
}
