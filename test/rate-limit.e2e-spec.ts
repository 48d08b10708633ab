import { startApi, uniqueEmail, useApi } from './support/hearth.js';

describe('Login and register rate limits (e2e)', () => {
  const hearth = useApi('rate_limit', { env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });

  it('answers 429 once a client has used up its login attempts', async () => {
    const attempt = () =>
      hearth.api.http.post('/auth/login', {
        email: uniqueEmail(),
        password: 'guessing a password',
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await attempt();
    expect(limited.body.code).toBe('rate_limited');
    expect(limited.headers.get('retry-after')).toEqual(expect.any(String));
  });

  it('limits registration too, but not the rest of the api', async () => {
    const register = () =>
      hearth.api.http.post('/auth/register', {
        email: uniqueEmail(),
        password: 'a long password',
        displayName: 'x',
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await register()).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    for (let i = 0; i < 5; i++) expect((await hearth.api.http.get('/health')).status).toBe(200);
  });

  it('counts each client behind a trusted proxy on its own', async () => {
    const behindProxy = await startApi(
      hearth.env.configWith({ TRUST_PROXY: 'true', MIGRATIONS_RUN: 'false' }),
    );
    try {
      const attempt = (client: string) =>
        behindProxy.http.request('POST', '/auth/login', {
          body: { email: uniqueEmail(), password: 'guessing a password' },
          headers: { 'x-forwarded-for': client },
        });
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await attempt(`203.0.113.${i + 1}`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401]);
      for (let i = 0; i < 3; i++) await attempt('198.51.100.7');
      expect((await attempt('198.51.100.7')).status).toBe(429);
    } finally {
      await behindProxy.close();
    }
  });
});

describe('Refreshing a sign-in (e2e)', () => {
  const refreshing = useApi('refresh_limit', { env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });

  it('never limits refreshing a sign-in: every page load behind a shared address refreshes', async () => {
    const registered = await refreshing.api.http.post('/auth/register', {
      email: uniqueEmail(),
      password: 'a long password for refreshing',
      displayName: 'r',
    });
    let { refreshToken } = registered.body;
    for (let i = 0; i < 6; i++) {
      const refreshed = await refreshing.api.http.post('/auth/refresh', { refreshToken });
      expect(refreshed.status).toBe(200);
      refreshToken = refreshed.body.refreshToken;
    }
  });
});
