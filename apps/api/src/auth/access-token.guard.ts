import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UnauthenticatedError } from '#common';
import { isDatabaseUnavailable } from '#database';
import { TokenService } from '#identity';
import { AuthenticatedRequest, IS_PUBLIC } from './auth.decorators.js';

/** Requires `Authorization: Bearer <access token>` on every route not marked @Public(). */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    // Public routes still learn who is calling when a bearer token comes (webinar hosts).
    if (isPublic) {
      // A stale token must not lock anyone out of login, refresh or public pages: anonymous then.
      if (scheme === 'Bearer' && token) {
        // …but a database that cannot be reached is a 503, not an anonymous caller.
        const identity = await this.tokens.verifyAccessToken(token).catch((error: unknown) => {
          if (isDatabaseUnavailable(error)) throw error;
          return undefined;
        });
        if (identity) request.user = { id: identity.userId, sessionId: identity.sessionId };
      }
      return true;
    }
    if (scheme !== 'Bearer' || !token) {
      throw new UnauthenticatedError('missing_access_token', 'Sign in: a bearer token is required');
    }
    // Also refuses tokens of a signed-out login (one primary-key read).
    const { userId, sessionId } = await this.tokens.verifyAccessToken(token);
    request.user = { id: userId, sessionId };
    return true;
  }
}
