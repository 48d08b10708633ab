import { startApi, useApi } from './support/hearth.js';

describe('Operations endpoints (e2e)', () => {
  const hearth = useApi('operations');

  it('answers liveness and readiness with the database and the queue up', async () => {
    expect((await hearth.api.http.get('/health')).body).toEqual({ status: 'ok' });
    const ready = await hearth.api.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details).toMatchObject({
      database: { status: 'up' },
      queue: { status: 'up', backend: 'redis' },
    });
  });

  it('serves the OpenAPI document with the routes of the contract', async () => {
    const root = hearth.api.http.baseUrl.replace('/api/v1', '');
    const document = (await (await fetch(`${root}/api/docs-json`)).json()) as { paths: object };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/register',
        '/api/v1/auth/login',
        '/api/v1/auth/refresh',
        '/api/v1/me',
        '/api/v1/organizations',
        '/api/v1/organizations/{orgId}/members',
        '/api/v1/organizations/{orgId}/invitations',
      ]),
    );
    expect((await fetch(`${root}/api/docs`)).status).toBe(200);
  });

  it('sets security headers and echoes a sane request id', async () => {
    const response = await hearth.api.http.request('GET', '/health', {
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(response.headers.get('x-request-id')).toBe('abc-123');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const odd = await hearth.api.http.request('GET', '/health', {
      headers: { 'x-request-id': 'a b\tc' },
    });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the account pages e-mails link to as the web app, without inline scripts', async () => {
    const root = hearth.api.http.baseUrl.replace('/api/v1', '');
    for (const path of ['/invitations/accept', '/verify-email/', '/reset-password/']) {
      const page = await fetch(`${root}${path}`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<div id="root">');
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
    // The old plain pages and their copy of livekit-client are gone.
    for (const path of ['/styles.css', '/join/join.js', '/vendor/livekit/livekit-client.esm.mjs']) {
      expect((await fetch(`${root}${path}`)).status).toBe(404);
    }
  });

  it('answers readiness 503 while the queue backend is unreachable', async () => {
    const broken = await startApi(
      hearth.env.configWith({ REDIS_URL: 'redis://127.0.0.1:1', MIGRATIONS_RUN: 'false' }),
    );
    try {
      expect((await broken.http.get('/health')).status).toBe(200);
      const ready = await broken.http.get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.error).toHaveProperty('queue');
      expect(ready.body.details.database.status).toBe('up');
    } finally {
      await broken.close();
    }
  });
});
