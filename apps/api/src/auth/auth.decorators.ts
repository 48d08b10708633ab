import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export const IS_PUBLIC = 'hearth:public';

/** A route anyone may call without a bearer token. Everything else requires one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export interface AuthenticatedUser {
  id: string;
  /** The login (refresh family) the access token belongs to. */
  sessionId: string;
}

export type AuthenticatedRequest = FastifyRequest & { user: AuthenticatedUser };

/** The signed-in user, as set by the access-token guard. */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedUser =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().user,
);
