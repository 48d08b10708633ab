import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { TokenService } from '#identity';
import { AccessTokenGuard } from './access-token.guard.js';
import type { AuthenticatedRequest } from './auth.decorators.js';

/**
 * A public route (a webinar page, where a signed-in host is recognised) with a bearer token.
 * The token check's database read fails on demand here, which the real database cannot do:
 * the TokenService is a stand-in that rejects as `pg` does when the server is gone.
 */
function publicRoute(verify: TokenService['verifyAccessToken']) {
  const reflector = { getAllAndOverride: () => true } as unknown as Reflector;
  const guard = new AccessTokenGuard(reflector, {
    verifyAccessToken: verify,
  } as unknown as TokenService);
  const request = { headers: { authorization: 'Bearer a.b.c' } } as AuthenticatedRequest;
  const context = {
    getHandler: () => undefined,
    getClass: () => undefined,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { guard, request, context };
}

describe(AccessTokenGuard.name, () => {
  it('lets a stale token through a public route as an anonymous caller', async () => {
    const { guard, request, context } = publicRoute(() =>
      Promise.reject(Object.assign(new Error('jwt expired'), { name: 'TokenExpiredError' })),
    );
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(request.user).toBeUndefined();
  });

  it('does not turn a database outage into an anonymous caller (the api answers 503)', async () => {
    const outage = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const { guard, context } = publicRoute(() => Promise.reject(outage));
    await expect(guard.canActivate(context)).rejects.toBe(outage);
  });
});
