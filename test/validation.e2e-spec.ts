import { registerUser, useApi } from './support/hearth.js';

describe('Request validation (e2e)', () => {
  const hearth = useApi('validation');
  let token: string;
  let orgId: string;

  beforeAll(async () => {
    token = (await registerUser(hearth.api.http, 'validator')).accessToken;
    orgId = (await hearth.api.http.post('/organizations', { name: 'Checks' }, token)).body.id;
  });

  const fields = (body: { errors?: { field: string }[] }) =>
    (body.errors ?? []).map((e) => e.field);

  it('answers malformed JSON with 400 naming the body', async () => {
    const response = await hearth.api.http.request('POST', '/auth/register', {
      raw: '{"email": "x@example.org",',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('malformed_body');
    expect(fields(response.body)).toEqual(['body']);
  });

  it('answers unknown fields with 400 naming them', async () => {
    const response = await hearth.api.http.post(
      '/organizations',
      { name: 'Ok', isAdmin: true },
      token,
    );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(fields(response.body)).toEqual(['isAdmin']);
  });

  it('answers wrong types and missing fields with 400 naming each field', async () => {
    const response = await hearth.api.http.post('/auth/register', {
      email: 42,
      displayName: ['x'],
    });
    expect(response.status).toBe(400);
    expect(new Set(fields(response.body))).toEqual(new Set(['email', 'password', 'displayName']));

    const offsets = await hearth.api.http.patch(
      `/organizations/${orgId}`,
      { reminderOffsetsMinutes: ['soon'] },
      token,
    );
    expect(offsets.status).toBe(400);
    expect(fields(offsets.body)).toContain('reminderOffsetsMinutes');

    const role = await hearth.api.http.post(
      `/organizations/${orgId}/members`,
      { email: 'a@example.org', role: 'god' },
      token,
    );
    expect(role.status).toBe(400);
    expect(fields(role.body)).toEqual(['role']);
  });

  it('answers bodies that are not objects with 400, never 500', async () => {
    for (const raw of ['[]', '"text"', '42', 'null']) {
      const response = await hearth.api.http.request('POST', '/auth/login', {
        raw,
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).toBe(400);
    }
    const empty = await hearth.api.http.request('POST', '/auth/login', {
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.status).toBe(400);
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await hearth.api.http.request('POST', '/auth/login', {
      raw: 'email: a',
      headers: { 'content-type': 'text/yaml' },
    });
    expect(response.status).toBe(415);
    expect(response.body.code).toBe('unsupported_media_type');
  });

  it('answers null for an optional field with 400, not a database error', async () => {
    for (const body of [
      { name: null },
      { timezone: null },
      { reminderOffsetsMinutes: null },
      { groupAgreement: null },
    ]) {
      const response = await hearth.api.http.patch(`/organizations/${orgId}`, body, token);
      expect(response.status).toBe(400);
      expect(new Set(fields(response.body))).toEqual(new Set(Object.keys(body)));
    }
  });

  it('answers a malformed organization id with 400 naming it', async () => {
    const response = await hearth.api.http.get('/organizations/not-a-uuid', token);
    expect(response.status).toBe(400);
    expect(fields(response.body)).toEqual(['orgId']);
  });

  it('rejects a malformed refresh token and invitation token without a 500', async () => {
    for (const refreshToken of ['garbage', `${'0'.repeat(36)}.x`, `${'-'.repeat(36)}.x`]) {
      const refresh = await hearth.api.http.post('/auth/refresh', { refreshToken });
      expect(refresh.status).toBe(401);
    }
    const lookalike = await hearth.api.http.post('/invitations/accept', {
      token: `${'0'.repeat(36)}.x`,
      password: 'long enough pass',
    });
    expect(lookalike.status).toBe(404);
    const accept = await hearth.api.http.post('/invitations/accept', {
      token: 'x.y',
      password: 'long enough pass',
    });
    expect(accept.status).toBe(404);
  });
});
