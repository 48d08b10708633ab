import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants.js';
import { isUuid } from '#common';
import { type FieldError, ValidationFailedError } from './validation.js';

/**
 * The work one request may cause is bounded before validation runs: class-transformer's cost
 * grows with the square of an object's keys and class-validator's ArrayUnique with the square of
 * an array's length, so an 80,000-key body would hold the event loop for seconds.
 */
export const REQUEST_LIMITS = {
  /** Bytes of a body on routes that declare nothing else (`@BodyLimit`). */
  defaultBodyBytes: 64 * 1024,
  /** Nesting of objects and arrays; no request of ours nests more than a handful of levels. */
  maxDepth: 32,
  maxKeysPerObject: 200,
  /** Four times the longest array any DTO takes (52 weekly modules). */
  maxArrayLength: 200,
  /** Every key and array element of one body, counted together, unless the route says more. */
  maxNodes: 2_000,
};

const KiB = 1024;
/** Auth bodies are a few short fields; a whole curriculum with its notes is the largest body. */
export const BODY_LIMITS = {
  auth: { bytes: 8 * KiB },
  large: { bytes: 1024 * KiB, maxNodes: 20_000 },
};

interface RouteLimitsConfig {
  bodyLimit?: number;
  maxNodes?: number;
  /** The route takes `application/webhook+json` as raw bytes (a signature covers them). */
  rawWebhookBody?: boolean;
}

/**
 * Merges into the route's Fastify config (which `@RouteConfig` replaces whole: put these above
 * it); on a class it applies to every handler.
 */
function mergeRouteConfig(partial: RouteLimitsConfig): ClassDecorator & MethodDecorator {
  const apply = (handler: object) => {
    const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) ?? {}) as object;
    Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...config, ...partial }, handler);
  };
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor) {
      apply(descriptor.value as object);
      return;
    }
    const prototype = (target as { prototype: Record<string, unknown> }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const member = Object.getOwnPropertyDescriptor(prototype, name)?.value as unknown;
      if (name !== 'constructor' && typeof member === 'function') apply(member);
    }
  };
}

/** The largest body a route takes: bytes, and values in all (keys and array items). */
export const BodyLimit = (limit: { bytes: number; maxNodes?: number }) =>
  mergeRouteConfig({ bodyLimit: limit.bytes, maxNodes: limit.maxNodes });

/** The route takes signed `application/webhook+json` bodies as the raw bytes that were signed. */
export const RawWebhookBody = () => mergeRouteConfig({ rawWebhookBody: true });

const routeLimits = (request: FastifyRequest) =>
  (request.routeOptions.config ?? {}) as RouteLimitsConfig;

const fieldPath = (parent: string, key: string | number) =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/** In `u` mode a surrogate pair is one code point, so only a lone surrogate matches. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Why a text may not be stored: PostgreSQL refuses NUL, and lone surrogates are not Unicode. */
function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it has a lone surrogate)';
  return undefined;
}

/**
 * Checks a parsed JSON value against REQUEST_LIMITS and for unstorable text, without recursion
 * (a deep body must not be able to overflow the stack). Answers the first problem found.
 */
export function findBodyProblem(
  body: unknown,
  root = 'body',
  maxNodes = REQUEST_LIMITS.maxNodes,
): FieldError | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: body, path: '', depth: 0 },
  ];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    const field = path || root;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return { field, message: `${field} ${problem}` };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= REQUEST_LIMITS.maxDepth) {
      return { field, message: `nested deeper than ${REQUEST_LIMITS.maxDepth} levels` };
    }
    if (Array.isArray(value)) {
      if (value.length > REQUEST_LIMITS.maxArrayLength) {
        return { field, message: `at most ${REQUEST_LIMITS.maxArrayLength} items` };
      }
      nodes += value.length;
      value.forEach((item, index) =>
        stack.push({ value: item, path: fieldPath(path, index), depth: depth + 1 }),
      );
    } else {
      const keys = Object.keys(value);
      if (keys.length > REQUEST_LIMITS.maxKeysPerObject) {
        return { field, message: `at most ${REQUEST_LIMITS.maxKeysPerObject} fields` };
      }
      nodes += keys.length;
      for (const key of keys) {
        const problem = textProblem(key);
        if (problem) return { field, message: `a field name ${problem}` };
        const child = (value as Record<string, unknown>)[key];
        stack.push({ value: child, path: fieldPath(path, key), depth: depth + 1 });
      }
    }
    if (nodes > maxNodes) {
      return { field: root, message: `at most ${maxNodes} values in all` };
    }
  }
  return undefined;
}

/** Path parameters named like `orgId` or `sessionId` carry a UUID; nothing else reaches a query. */
function findParameterProblem(request: FastifyRequest): FieldError | undefined {
  const params = (request.params ?? {}) as Record<string, string>;
  for (const [name, value] of Object.entries(params)) {
    if (/Id$/.test(name) && !isUuid(value))
      return { field: name, message: `${name} must be a UUID` };
    const problem = textProblem(value);
    if (problem) return { field: name, message: `${name} ${problem}` };
  }
  return findBodyProblem(request.query ?? {}, 'query');
}

/**
 * JSON is the only request body the api takes (form and plain-text bodies answer 415), parsed
 * by Fastify's own safe parser and then held to REQUEST_LIMITS; body limits are per route.
 */
export function applyRequestLimits(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const config = route.config as RouteLimitsConfig | undefined;
    route.bodyLimit ??= config?.bodyLimit ?? REQUEST_LIMITS.defaultBodyBytes;
  });

  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    // Clients often send the JSON content type on every request, bodiless ones too.
    if (raw === '') return done(null, undefined);
    parseJson(request, raw as string, (error, body) => {
      if (error) return done(error, undefined);
      const problem = findBodyProblem(body, 'body', routeLimits(request).maxNodes);
      if (problem) return done(new ValidationFailedError([problem]), undefined);
      done(null, body);
    });
  });
  // LiveKit signs the exact bytes it sends, so its webhook bodies stay raw Buffers, on that route only.
  fastify.addContentTypeParser(
    'application/webhook+json',
    { parseAs: 'buffer' },
    (request, body, done) => {
      if (routeLimits(request).rawWebhookBody) return done(null, body);
      done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(), undefined);
    },
  );

  fastify.addHook('preValidation', async (request) => {
    const problem = findParameterProblem(request);
    if (problem) throw new ValidationFailedError([problem]);
  });
}
