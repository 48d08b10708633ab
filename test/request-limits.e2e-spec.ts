import { registerUser, useApi } from './support/hearth.js';

/** A JSON object with `count` unknown keys: ~0.9 MB at 80,000, the body that stalled the api. */
const manyKeys = (count: number, extra: Record<string, unknown> = {}) => {
  const keys = Array.from({ length: count }, (_, i) => `"k${i.toString(36)}":0`).join(',');
  const own = JSON.stringify(extra).slice(1, -1);
  return `{${own}${own ? ',' : ''}${keys}}`;
};
const longArray = (field: string, count: number) =>
  `{"${field}":[${Array.from({ length: count }, (_, i) => `"t${i}"`).join(',')}]}`;
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('Request limits (e2e)', () => {
  const hearth = useApi('request-limits');
  let token: string;
  let orgId: string;

  beforeAll(async () => {
    token = (await registerUser(hearth.api.http, 'limits')).accessToken;
    orgId = (await hearth.api.http.post('/organizations', { name: 'Limits' }, token)).body.id;
  });

  const send = (method: string, path: string, raw: string, headers: Record<string, string> = {}) =>
    hearth.api.http.request(method, path, {
      raw,
      token,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('keeps /health under a second while 80,000-key bodies and 100,000-item arrays arrive', async () => {
    // Built before the clock starts: the test's own work must not delay its /health probes.
    const keysBody = manyKeys(80_000, { title: 'x' });
    const refreshBody = manyKeys(80_000, { refreshToken: 'x' });
    // 200 KB: within the curricula body limit, so the array cap is what refuses it.
    const modules = `{"modules":[${'0,'.repeat(99_999)}0]}`;
    const tags = longArray('tags', 100_000);
    const heavy = [
      () =>
        hearth.api.http.request('POST', '/auth/refresh', {
          raw: refreshBody,
          headers: { 'content-type': 'application/json' },
        }),
      () => send('POST', `/organizations/${orgId}/curricula`, keysBody),
      () => send('POST', `/organizations/${orgId}/curricula`, modules),
      () => send('POST', `/organizations/${orgId}/groups`, tags),
    ];
    let sending = true;
    const healthTimes: number[] = [];
    const probe = (async () => {
      while (sending) {
        const started = performance.now();
        const health = await hearth.api.http.get('/health');
        expect(health.status).toBe(200);
        healthTimes.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => heavy.map((request) => request())).flat(),
    );
    sending = false;
    await probe;

    for (const answer of answers) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      // The answer names the problem without echoing 80,000 fields.
      expect(JSON.stringify(answer.body).length).toBeLessThan(4_000);
    }
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((status) => status === 400)).toHaveLength(10);
    expect(statuses.filter((status) => status === 413)).toHaveLength(10);
    expect(healthTimes.length).toBeGreaterThan(0);
    expect(Math.max(...healthTimes)).toBeLessThan(1_000);
  });

  it('takes a few KB on auth routes and more on curricula', async () => {
    const refresh = await hearth.api.http.request('POST', '/auth/refresh', {
      raw: JSON.stringify({ refreshToken: 'x'.repeat(9 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(refresh.status).toBe(413);
    expect(refresh.body.code).toBe('payload_too_large');

    const description = 'x'.repeat(100 * 1024);
    const curriculum = await send(
      'POST',
      `/organizations/${orgId}/curricula`,
      JSON.stringify({ title: 'Long', description, modules: [] }),
    );
    expect(curriculum.status).toBe(400);
    expect(curriculum.body.code).toBe('validation_failed');
  });

  it('counts every value of a body, with more room on curricula than elsewhere', async () => {
    // 60 objects of 40 fields: within every per-object and per-array cap, too many in all.
    const wide = JSON.stringify({
      name: 'Wide',
      tags: Array.from({ length: 60 }, () =>
        Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}`, i])),
      ),
    });
    const group = await send('POST', `/organizations/${orgId}/groups`, wide);
    expect(group.status).toBe(400);
    expect(group.body.errors[0].message).toMatch(/at most 2000 values/);
    const curriculum = await send('POST', `/organizations/${orgId}/curricula`, wide);
    expect(curriculum.status).toBe(400);
    expect(curriculum.body.errors[0].message).not.toMatch(/values in all/);
  });

  it('answers JSON nested hundreds of levels deep with 400', async () => {
    for (const depth of [40, 500, 5_000]) {
      const response = await send('POST', `/organizations/${orgId}/curricula`, nested(depth));
      expect(response.status).toBe(400);
      expect(response.body.errors[0].message).toMatch(/nested deeper/);
    }
  });

  it('refuses NUL characters with 400 naming the field', async () => {
    const response = await send('PATCH', `/organizations/${orgId}`, '{"name":"a\\u0000b"}');
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'name', message: expect.stringMatching(/NUL/) },
    ]);
    const nestedField = await send(
      'POST',
      `/organizations/${orgId}/curricula`,
      '{"title":"t","modules":[{"title":"ok"},{"title":"x\\u0000"}]}',
    );
    expect(nestedField.body.errors[0].field).toBe('modules[1].title');
    const query = await hearth.api.http.get(`/me/notifications?cursor=a%00b`, token);
    expect(query.status).toBe(400);
  });

  it('refuses lone UTF-16 surrogates with 400 naming the field', async () => {
    const response = await hearth.api.http.request('POST', '/auth/login', {
      raw: '{"email":"\\ud800@example.org","password":"whatever"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('email');
    // A pair is a real character, and welcome.
    const pair = await send('PATCH', `/organizations/${orgId}`, '{"name":"Calm \\ud83c\\udf3f"}');
    expect(pair.status).toBe(200);
    expect(pair.body.name).toBe('Calm 🌿');
  });

  it('answers a non-UUID id in a path with 400 naming the parameter', async () => {
    for (const path of ['/curricula/not-a-uuid', '/groups/1', `/organizations/${orgId}x`]) {
      const response = await hearth.api.http.get(path, token);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.errors[0].message).toMatch(/must be a UUID/);
    }
  });

  it('refuses form-encoded and plain-text bodies with 415', async () => {
    for (const type of [
      'application/x-www-form-urlencoded',
      'text/plain',
      'multipart/form-data',
      // LiveKit's raw signed bodies are taken on its webhook route only.
      'application/webhook+json',
    ]) {
      const response = await hearth.api.http.request('POST', '/auth/login', {
        raw: 'email=a%40example.org&password=x',
        headers: { 'content-type': type },
      });
      expect(response.status).toBe(415);
      expect(response.body.code).toBe('unsupported_media_type');
      expect(response.body.message).toMatch(/application\/json/);
    }
  });

  it('takes a bodiless request sent with the JSON content type', async () => {
    const resend = await hearth.api.http.request('POST', '/me/email-verification', {
      token,
      headers: { 'content-type': 'application/json' },
    });
    expect(resend.status).toBe(202);
  });

  it('tells browsers and proxies to keep no copy of an API answer', async () => {
    const me = await hearth.api.http.get('/me', token);
    expect(me.headers.get('cache-control')).toBe('no-store');
    const denied = await hearth.api.http.get('/me');
    expect(denied.headers.get('cache-control')).toBe('no-store');
  });
});
