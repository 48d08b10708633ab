import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Credentials } from '#webinars';

/**
 * Webinar routes take an attendee's or speaker's `X-Access-Key`, or a signed-in host's bearer
 * token (checked by the access-token guard, which runs on these routes when one is sent).
 */
export const WebinarCredentials = createParamDecorator(
  (_: unknown, context: ExecutionContext): Credentials => {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: { id: string } }>();
    const key = request.headers['x-access-key'];
    return {
      accessKey: typeof key === 'string' && key ? key : undefined,
      userId: request.user?.id,
    };
  },
);
