import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { markEmailVerified, registerUser, uniqueEmail, useApi } from './support/hearth.js';

describe('Identity and organizations (e2e)', () => {
  const hearth = useApi('identity');

  it('walks register -> login -> refresh -> create organization -> add member', async () => {
    const { http } = hearth.api;
    const email = uniqueEmail('owner');
    const password = 'a long enough password';

    const registered = await http.post('/auth/register', { email, password, displayName: 'Robin' });
    expect(registered.status).toBe(201);
    expect(registered.body.user).toEqual({ id: expect.any(String), email, displayName: 'Robin' });
    expect(registered.body.accessToken).toEqual(expect.any(String));
    expect(registered.body.refreshToken).toEqual(expect.any(String));

    const login = await http.post('/auth/login', { email: email.toUpperCase(), password });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(registered.body.user.id);

    const refreshed = await http.post('/auth/refresh', { refreshToken: login.body.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(login.body.refreshToken);
    const token = refreshed.body.accessToken;

    const created = await http.post('/organizations', { name: 'Riverside Counselling' }, token);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), name: 'Riverside Counselling' });
    const orgId = created.body.id;

    const member = await registerUser(http, 'member');
    await markEmailVerified(hearth.env, member.user.id);
    const added = await http.post(
      `/organizations/${orgId}/members`,
      { email: member.email, role: 'therapist' },
      token,
    );
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ email: member.email, role: 'therapist' });
    // Nobody becomes a member without accepting.
    const accepted = await http.post(
      `/me/invitations/${added.body.id}/accept`,
      {},
      member.accessToken,
    );
    expect(accepted.status).toBe(200);

    const me = await http.get('/me', token);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: registered.body.user.id,
      email,
      displayName: 'Robin',
      legalName: null,
      emailVerified: false,
      timezone: null,
      reminderChannels: { email: true, inApp: true },
      memberships: [{ organizationId: orgId, role: 'owner' }],
    });
    const memberMe = await http.get('/me', member.accessToken);
    expect(memberMe.body.memberships).toEqual([{ organizationId: orgId, role: 'therapist' }]);
  });

  it('rejects a reused refresh token and signs out the whole family', async () => {
    const { http } = hearth.api;
    const user = await registerUser(http, 'reuse');
    const first = await http.post('/auth/refresh', { refreshToken: user.refreshToken });
    expect(first.status).toBe(200);

    const replay = await http.post('/auth/refresh', { refreshToken: user.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('refresh_token_reused');

    // The token the legitimate client got from the first rotation is revoked too.
    const next = await http.post('/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(next.status).toBe(401);
    expect(next.body.code).toBe('refresh_token_reused');

    // Another login is a new family and works.
    const login = await http.post('/auth/login', { email: user.email, password: user.password });
    const fresh = await http.post('/auth/refresh', { refreshToken: login.body.refreshToken });
    expect(fresh.status).toBe(200);
  });

  it('lets only one of two simultaneous refreshes with the same token through', async () => {
    const { http } = hearth.api;
    const user = await registerUser(http, 'race');
    const results = await Promise.all([
      http.post('/auth/refresh', { refreshToken: user.refreshToken }),
      http.post('/auth/refresh', { refreshToken: user.refreshToken }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    // The loser's attempt was a reuse: it revoked the family, including the winner's new token.
    const winner = results.find((r) => r.status === 200)!;
    const after = await http.post('/auth/refresh', { refreshToken: winner.body.refreshToken });
    expect(after.status).toBe(401);
  });

  it('answers invalid_credentials alike for a wrong password and an unknown e-mail', async () => {
    const { http } = hearth.api;
    const user = await registerUser(http, 'creds');
    const wrong = await http.post('/auth/login', {
      email: user.email,
      password: 'not the password',
    });
    const unknown = await http.post('/auth/login', {
      email: uniqueEmail('nobody'),
      password: 'whatever it is',
    });
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('invalid_credentials');
    }
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('refuses a second account with the same e-mail, whatever its case', async () => {
    const { http } = hearth.api;
    const user = await registerUser(http, 'dupe');
    const again = await http.post('/auth/register', {
      email: user.email.toUpperCase(),
      password: 'another long password',
      displayName: 'Copy',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('email_taken');
  });

  it('treats a stale bearer token on a public route as no token at all', async () => {
    const { http } = hearth.api;
    const user = await registerUser(http, 'stale');
    const login = await http.request('POST', '/auth/login', {
      token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
      body: { email: user.email, password: user.password },
    });
    expect(login.status).toBe(200);
  });

  it('requires a valid bearer token on private routes', async () => {
    const { http } = hearth.api;
    expect((await http.get('/me')).status).toBe(401);
    const forged = await http.get('/me', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl');
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('invalid_access_token');
    // A token signed with the right key but not issued as an access token is refused.
    const user = await registerUser(http, 'bearer');
    const notAccess = await new JwtService({ secret: hearth.env.config.JWT_SECRET }).signAsync(
      { sub: user.user.id, sid: randomUUID(), typ: 'refresh' },
      { issuer: 'hearth', expiresIn: 60 },
    );
    const refused = await http.get('/me', notAccess);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('invalid_access_token');
    // The same claims as an access token pass, so the refusal above is about `typ`.
    const access = await new JwtService({ secret: hearth.env.config.JWT_SECRET }).signAsync(
      { sub: user.user.id, sid: randomUUID(), typ: 'access' },
      { issuer: 'hearth', expiresIn: 60 },
    );
    expect((await http.get('/me', access)).status).toBe(200);
  });
});
