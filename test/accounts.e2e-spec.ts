import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { JwtService } from '@nestjs/jwt';
import pg from 'pg';
import { SignedTokens } from '../libs/common/src/signed-token.js';
import { type Deployment, startDeployment } from './support/deployment.js';
import {
  markEmailVerified,
  registerUser,
  type RunningApi,
  startApi,
  type TestEnvironment,
  uniqueEmail,
} from './support/hearth.js';
import type { ReceivedMail, TestSmtpServer } from './support/smtp.js';

const RESET_SUBJECT = 'Choose a new password for Hearth';

describe('Accounts: sign-out, passwords and brute-force limits (e2e)', () => {
  let deployment: Deployment;
  let env: TestEnvironment;
  let smtp: TestSmtpServer;
  let api: RunningApi;

  beforeAll(async () => {
    deployment = await startDeployment('accounts', {
      smtp: true,
      env: {
        PUBLIC_URL: 'https://hearth.example.org',
        TRUST_PROXY: 'true',
        LOGIN_BACKOFF_BASE_SECONDS: '1',
        LOGIN_BACKOFF_MAX_SECONDS: '2',
      },
    });
    ({ env, api } = deployment);
    smtp = deployment.smtp!;
  });

  afterAll(() => deployment?.close());

  const me = (token: string) => api.http.get('/me', token);
  const refresh = (refreshToken: string) => api.http.post('/auth/refresh', { refreshToken });
  const login = (email: string, password: string, client = '127.0.0.1') =>
    api.http.request('POST', '/auth/login', {
      body: { email, password },
      headers: { 'x-forwarded-for': client },
    });
  const resetMailTo = (email: string) =>
    smtp.waitFor((mail) => mail.envelopeTo.includes(email) && mail.subject === RESET_SUBJECT);
  const resetTokenFrom = (mail: ReceivedMail) => {
    const link = new URL(/https:\/\/\S+/.exec(mail.text ?? '')![0]);
    // Only in the fragment: browsers never send it, so no server or log ever sees it.
    expect(link.origin + link.pathname + link.search).toBe(
      'https://hearth.example.org/reset-password/',
    );
    const token = new URLSearchParams(link.hash.slice(1)).get('token')!;
    expect(token).toMatch(/^[0-9a-f-]{36}\.[\w-]+$/);
    expect(mail.text!.indexOf(token)).toBe(mail.text!.indexOf('#token=') + '#token='.length);
    return token;
  };
  const from = (client: string) => ({ 'x-forwarded-for': client });
  const feedOf = async (accessToken: string) =>
    (await api.http.get('/me/calendar-feed', accessToken)).body.url as string;
  const fetchFeed = (url: string) =>
    fetch(url.replace(/^https?:\/\/[^/]+/, api.http.baseUrl.replace('/api/v1', '')));
  const sql = async (text: string, values: unknown[]) => {
    const client = new pg.Client({ connectionString: env.database.url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows;
    } finally {
      await client.end();
    }
  };

  it('signs a login out at once: its access token answers 401 and its refresh token is dead', async () => {
    const user = await registerUser(api.http, 'leaving');
    const other = (await login(user.email, user.password)).body;
    expect((await me(user.accessToken)).status).toBe(200);

    const logout = await api.http.post(
      '/auth/logout',
      { refreshToken: user.refreshToken },
      user.accessToken,
    );
    expect(logout.status).toBe(204);

    const after = await me(user.accessToken);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('invalid_access_token');
    const refused = await refresh(user.refreshToken);
    expect(refused.status).toBe(401);
    // Said as what it is: a signed-out login, not a stolen token.
    expect(refused.body.code).toBe('refresh_token_revoked');
    // The person's other login is untouched.
    expect((await me(other.accessToken)).status).toBe(200);

    // Signing out twice is fine (and signs the caller's own login out too); another account's
    // token is not the caller's to sign out.
    const again = await api.http.post(
      '/auth/logout',
      { refreshToken: user.refreshToken },
      other.accessToken,
    );
    expect(again.status).toBe(204);
    expect((await me(other.accessToken)).status).toBe(401);
    const third = (await login(user.email, user.password)).body;
    const stranger = await registerUser(api.http, 'stranger');
    const foreign = await api.http.post(
      '/auth/logout',
      { refreshToken: stranger.refreshToken },
      third.accessToken,
    );
    expect(foreign.status).toBe(403);
    expect((await me(stranger.accessToken)).status).toBe(200);
    expect((await api.http.post('/auth/logout', { refreshToken: third.refreshToken })).status).toBe(
      401,
    );
  });

  it("signs the caller's own login out whatever refresh token comes with the request", async () => {
    const user = await registerUser(api.http, 'junk');
    const other = (await login(user.email, user.password)).body;
    const logout = await api.http.post('/auth/logout', { refreshToken: 'junk' }, user.accessToken);
    expect(logout.status).toBe(204);
    expect((await me(user.accessToken)).status).toBe(401);
    expect((await refresh(user.refreshToken)).status).toBe(401);
    // Another of the person's logins, given as the refresh token, goes too.
    const third = (await login(user.email, user.password)).body;
    const both = await api.http.post(
      '/auth/logout',
      { refreshToken: other.refreshToken },
      third.accessToken,
    );
    expect(both.status).toBe(204);
    for (const session of [other, third]) {
      expect((await me(session.accessToken)).status).toBe(401);
      expect((await refresh(session.refreshToken)).status).toBe(401);
    }
  });

  it("signs every other session out when the password changes, keeping the caller's", async () => {
    const user = await registerUser(api.http, 'changer');
    const laptop = (await login(user.email, user.password)).body;
    const feed = await feedOf(user.accessToken);
    expect((await fetchFeed(feed)).status).toBe(200);
    const newPassword = 'lantern orchard pebble violin';

    const wrong = await api.http.post(
      '/auth/password',
      { currentPassword: 'not my current one', newPassword },
      user.accessToken,
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('current_password_wrong');

    const changed = await api.http.post(
      '/auth/password',
      { currentPassword: user.password, newPassword },
      user.accessToken,
    );
    expect(changed.status).toBe(204);

    expect((await me(laptop.accessToken)).status).toBe(401);
    expect((await refresh(laptop.refreshToken)).status).toBe(401);
    expect((await me(user.accessToken)).status).toBe(200);
    expect((await refresh(user.refreshToken)).status).toBe(200);
    expect((await login(user.email, user.password)).status).toBe(401);
    expect((await login(user.email, newPassword)).status).toBe(200);
    // A calendar address handed out before the new password stops working; a new one works.
    expect((await fetchFeed(feed)).status).toBe(404);
    expect((await fetchFeed(await feedOf(user.accessToken))).status).toBe(200);
  });

  it('refuses a new password equal to the current one or made of the e-mail or name', async () => {
    const email = uniqueEmail('namesake');
    const password = 'tidal lantern sorrel kite';
    const registered = await api.http.post('/auth/register', {
      email,
      password,
      displayName: 'Zephyrine Quillfeather',
    });
    expect(registered.status).toBe(201);
    const token = registered.body.accessToken as string;
    const change = (newPassword: string) =>
      api.http.post('/auth/password', { currentPassword: password, newPassword }, token);

    const same = await change(password);
    expect(same.status).toBe(400);
    expect(same.body.code).toBe('password_unchanged');
    expect(same.body.errors).toEqual([{ field: 'newPassword', message: expect.any(String) }]);
    for (const guessable of [email, 'Zephyrine Quillfeather']) {
      const weak = await change(guessable);
      expect(weak.status).toBe(400);
      expect(weak.body.code).toBe('validation_failed');
      expect(weak.body.errors).toEqual([
        { field: 'newPassword', message: expect.stringMatching(/too common or too easy to guess/) },
      ]);
    }
    expect((await login(email, password)).status).toBe(200);
  });

  it('resets a forgotten password by e-mail, once, signing out every session', async () => {
    const user = await registerUser(api.http, 'forgetful');
    const phone = (await login(user.email, user.password)).body;

    const requested = await api.http.post('/auth/password-reset', {
      email: user.email.toUpperCase(),
    });
    expect(requested.status).toBe(202);
    const token = resetTokenFrom(await resetMailTo(user.email));

    const newPassword = 'harbour kettle maple drum';
    const confirmed = await api.http.post('/auth/password-reset/confirm', { token, newPassword });
    expect(confirmed.status).toBe(204);
    const reused = await api.http.post('/auth/password-reset/confirm', {
      token,
      newPassword: 'another fresh lighthouse phrase',
    });
    expect(reused.status).toBe(404);
    expect(reused.body.code).toBe('reset_link_invalid');

    for (const session of [user, phone]) {
      expect((await me(session.accessToken)).status).toBe(401);
      expect((await refresh(session.refreshToken)).status).toBe(401);
    }
    expect((await login(user.email, user.password)).status).toBe(401);
    expect((await login(user.email, newPassword)).status).toBe(200);
  });

  it("keeps the link in the owner's hands however often a reset is asked for, mailing it at most every 5 minutes", async () => {
    const user = await registerUser(api.http, 'flooded');
    const ask = () => api.http.post('/auth/password-reset', { email: user.email });
    const mailsTo = () =>
      smtp.messages.filter((m) => m.envelopeTo.includes(user.email) && m.subject === RESET_SUBJECT);
    // The queue runs in order: once a later request's mail arrived, no earlier one is coming.
    const settle = async () => {
      const marker = uniqueEmail('marker');
      await api.http.post('/auth/register', {
        email: marker,
        password: 'marker walnut tundra sail',
        displayName: 'Marker',
      });
      await api.http.post('/auth/password-reset', { email: marker });
      await resetMailTo(marker);
      await sleep(300);
    };

    expect((await ask()).status).toBe(202);
    const token = resetTokenFrom(await resetMailTo(user.email));
    expect((await ask()).status).toBe(202);
    expect((await ask()).status).toBe(202);
    await settle();
    expect(mailsTo()).toHaveLength(1);

    // Five minutes on, asking mails the same link again.
    await sql(
      `UPDATE users SET password_reset_mailed_at = now() - interval '6 minutes' WHERE id = $1`,
      [user.user.id],
    );
    expect((await ask()).status).toBe(202);
    await settle();
    expect(mailsTo()).toHaveLength(2);
    expect(resetTokenFrom(mailsTo()[1])).toBe(token);

    const newPassword = 'saffron glacier beacon loom';
    const confirmed = await api.http.post('/auth/password-reset/confirm', { token, newPassword });
    expect(confirmed.status).toBe(204);
    expect((await login(user.email, newPassword)).status).toBe(200);
    // A used request is replaced by the next one, with a new link.
    expect((await ask()).status).toBe(202);
    await settle();
    expect(mailsTo()).toHaveLength(3);
    expect(resetTokenFrom(mailsTo()[2])).not.toBe(token);
  });

  it('refuses an expired reset link', async () => {
    const user = await registerUser(api.http, 'late');
    await api.http.post('/auth/password-reset', { email: user.email });
    await resetMailTo(user.email);
    // The request is 31 minutes old; the link for it is made as the worker would make it.
    const requestedAt = new Date(Date.now() - 31 * 60_000);
    const [row] = await sql(
      `UPDATE users SET password_reset_requested_at = $2 WHERE id = $1
       RETURNING email, password_hash`,
      [user.user.id, requestedAt],
    );
    const token = new SignedTokens(env.config.JWT_SECRET, 'password-reset').sign(
      user.user.id,
      `${requestedAt.getTime()}:${row.email}:${row.password_hash}`,
    );
    const expired = await api.http.post('/auth/password-reset/confirm', {
      token,
      newPassword: 'copper meadow signal tulip',
    });
    expect(expired.status).toBe(404);
    expect(expired.body.code).toBe('reset_link_expired');
    expect((await login(user.email, user.password)).status).toBe(200);
  });

  it('answers a reset for an unknown address exactly like a known one, and mails nobody', async () => {
    const known = await registerUser(api.http, 'known');
    const nobody = uniqueEmail('nobody');
    const unknown = await api.http.post('/auth/password-reset', { email: nobody });
    const existing = await api.http.post('/auth/password-reset', { email: known.email });
    for (const response of [unknown, existing]) {
      expect(response.status).toBe(202);
      expect(response.body).toEqual({});
    }
    expect(unknown.headers.get('content-type')).toBe(existing.headers.get('content-type'));
    // The known address's mail arrives; the queue runs in order, so none is coming for the other.
    await resetMailTo(known.email);
    await sleep(300);
    expect(smtp.messages.filter((m) => m.envelopeTo.includes(nobody))).toHaveLength(0);
  });

  it('lets the owner of an address take it back from an unconfirmed squatter', async () => {
    const address = uniqueEmail('owner');
    const squatter = await api.http.post('/auth/register', {
      email: address,
      password: 'squatter wants this inbox',
      displayName: 'Not the owner',
    });
    expect(squatter.status).toBe(201);
    const squatterOrg = await api.http.post(
      '/organizations',
      { name: "Squatter's clinic" },
      squatter.body.accessToken,
    );
    expect(squatterOrg.status).toBe(201);
    const squatterFeed = await feedOf(squatter.body.accessToken);
    expect((await fetchFeed(squatterFeed)).status).toBe(200);

    const blocked = await api.http.post('/auth/register', {
      email: address,
      password: 'the rightful owner here',
      displayName: 'Owner',
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('email_taken');
    expect(blocked.body.message).toMatch(/reset the password/);

    expect((await api.http.post('/auth/password-reset', { email: address })).status).toBe(202);
    const token = resetTokenFrom(await resetMailTo(address));
    const ownerPassword = 'the rightful owner here';
    const reset = await api.http.post('/auth/password-reset/confirm', {
      token,
      newPassword: ownerPassword,
    });
    expect(reset.status).toBe(204);

    expect((await me(squatter.body.accessToken)).status).toBe(401);
    expect((await refresh(squatter.body.refreshToken)).status).toBe(401);
    expect((await login(address, 'squatter wants this inbox')).status).toBe(401);
    const owner = await login(address, ownerPassword);
    expect(owner.status).toBe(200);
    const profile = (await me(owner.body.accessToken)).body;
    expect(profile.emailVerified).toBe(true);
    // The squatter keeps no way in, not even the calendar address they took. (What the account
    // holds stays: a reset cannot tell a squatter from an owner who never confirmed the address.)
    expect((await fetchFeed(squatterFeed)).status).toBe(404);
    expect((await fetchFeed(await feedOf(owner.body.accessToken))).status).toBe(200);
  });

  it('refuses common passwords, naming the field', async () => {
    const user = await registerUser(api.http, 'policy');
    const attempts = [
      ['/auth/register', { email: uniqueEmail(), password: 'password123', displayName: 'A' }],
      ['/auth/register', { email: uniqueEmail(), password: 'qwertyuiop', displayName: 'B' }],
      ['/auth/password', { currentPassword: user.password, newPassword: 'password123' }],
      ['/auth/password-reset/confirm', { token: `${randomUUID()}.x`, newPassword: 'qwertyuiop' }],
    ] as const;
    for (const [path, body] of attempts) {
      const response = await api.http.post(path, body, user.accessToken);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      const field = 'password' in body ? 'password' : 'newPassword';
      expect(response.body.errors).toEqual([
        { field, message: expect.stringMatching(/too common or too easy to guess/) },
      ]);
    }
    const short = await api.http.post('/auth/register', {
      email: uniqueEmail(),
      password: 'x7#kQ',
      displayName: 'C',
    });
    expect(short.body.errors).toContainEqual({
      field: 'password',
      message: 'password must be at least 10 characters long',
    });
    // The account's password did not change.
    expect((await login(user.email, user.password)).status).toBe(200);
  });

  it('holds back guessing at one account from many addresses, and lets its owner in after the backoff', async () => {
    const user = await registerUser(api.http, 'target');
    const client = (i: number) => `203.0.113.${(i % 10) + 1}`;
    const guesses = [];
    for (let i = 0; i < 30; i++)
      guesses.push(await login(user.email, `wrong guess ${i}`, client(i)));
    const statuses = guesses.map((r) => r.status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    // Only the few that came after a backoff ran out were checked at all.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
    for (const refused of guesses.filter((r) => r.status === 429)) {
      expect(refused.body.code).toBe('rate_limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(2);
    }

    // An address nobody registered is counted alike, so the answers tell nothing.
    const nobody = uniqueEmail('nobody');
    const unknown = [];
    for (let i = 0; i < 6; i++)
      unknown.push((await login(nobody, 'wrong guess', client(i))).status);
    expect(unknown).toEqual([401, 401, 401, 401, 401, 429]);

    // Once a hold runs out one more guess is checked, and holds the account again...
    const wait = async (response: { headers: Headers }) =>
      sleep(Number(response.headers.get('retry-after')) * 1000 + 100);
    for (;;) {
      const guess = await login(user.email, 'another wrong guess', client(3));
      if (guess.status === 401) break;
      expect(guess.status).toBe(429);
      await wait(guess);
    }
    // ...so the owner is refused too...
    const owner = await login(user.email, user.password, '192.0.2.10');
    expect(owner.status).toBe(429);
    // ...but only until the backoff passes, however often the attacker tries meanwhile.
    const started = Date.now();
    while (Date.now() - started < 1000) {
      expect((await login(user.email, 'during the hold', client(5))).status).toBe(429);
    }
    await wait(owner);
    expect((await login(user.email, user.password, '192.0.2.10')).status).toBe(200);
    // The success reset the count.
    expect((await login(user.email, 'one wrong again', client(6))).status).toBe(401);
  });

  it('lets the owner in from an address they used before, however long someone guesses elsewhere', async () => {
    const user = await registerUser(api.http, 'besieged');
    await markEmailVerified(env, user.user.id);
    const home = '198.18.0.1';
    const office = '198.18.0.2';
    const attacker = (i: number) => `192.0.2.${101 + (i % 10)}`;
    expect((await login(user.email, user.password, home)).status).toBe(200);

    let guesses = 0;
    /** Guesses from the attacker's addresses until the account is held; answers that 429. */
    const guessUntilHeld = async () => {
      for (;;) {
        const guess = await login(user.email, `wrong guess ${guesses}`, attacker(guesses++));
        if (guess.status === 429) return guess;
        expect(guess.status).toBe(401);
      }
    };
    // One guess each time a hold runs out holds the account again, round after round.
    for (let round = 0; round < 3; round++) {
      const held = await guessUntilHeld();
      await sleep(Number(held.headers.get('retry-after')) * 1000 + 100);
    }
    await guessUntilHeld();

    // A new address is held back even with the right password; the owner's known one is not,
    // and the owner getting in does not hand the attacker fresh guesses.
    expect((await login(user.email, user.password, '198.18.0.99')).status).toBe(429);
    expect((await login(user.email, user.password, home)).status).toBe(200);
    expect((await login(user.email, user.password, '198.18.0.98')).status).toBe(429);

    // A reset confirmed from another address proves ownership there too.
    await api.http.request('POST', '/auth/password-reset', {
      body: { email: user.email },
      headers: from(office),
    });
    const token = resetTokenFrom(await resetMailTo(user.email));
    const newPassword = 'quiet harbour lamplight orchard';
    const confirmed = await api.http.request('POST', '/auth/password-reset/confirm', {
      body: { token, newPassword },
      headers: from(office),
    });
    expect(confirmed.status).toBe(204);
    const heldAgain = await guessUntilHeld();
    await sleep(Number(heldAgain.headers.get('retry-after')) * 1000 + 100);
    await guessUntilHeld();
    expect((await login(user.email, newPassword, '198.18.0.97')).status).toBe(429);
    expect((await login(user.email, newPassword, office)).status).toBe(200);
    expect((await login(user.email, newPassword, home)).status).toBe(200);
  });

  // Refresh is not limited per address (test/rate-limit.e2e-spec.ts): its token cannot be guessed.
  it('rate limits e-mail verification and password resets per client address', async () => {
    const limited = await startApi(
      env.configWith({ AUTH_RATE_LIMIT_PER_MINUTE: '3', MIGRATIONS_RUN: 'false' }),
    );
    try {
      const routes = [
        ['/auth/verify-email', { token: `${randomUUID()}.nothing` }, 404],
        ['/auth/password-reset', { email: uniqueEmail() }, 202],
        [
          '/auth/password-reset/confirm',
          { token: `${randomUUID()}.nothing`, newPassword: 'granite lily compass river' },
          404,
        ],
      ] as const;
      for (const [index, [path, body, status]] of routes.entries()) {
        const statuses = [];
        let last;
        for (let i = 0; i < 4; i++) {
          last = await limited.http.request('POST', path, {
            body,
            headers: { 'x-forwarded-for': `198.51.100.${index + 1}` },
          });
          statuses.push(last.status);
        }
        expect(statuses).toEqual([status, status, status, 429]);
        expect(last!.body.code).toBe('rate_limited');
        expect(last!.headers.get('retry-after')).toEqual(expect.any(String));
      }
    } finally {
      await limited.close();
    }
  });

  it('answers 401, never 500, for a validly signed token whose subject is not a uuid', async () => {
    const jwt = new JwtService({ secret: env.config.JWT_SECRET });
    const sign = (claims: object) => jwt.signAsync(claims, { issuer: 'hearth', expiresIn: 60 });
    for (const claims of [
      { sub: 'not-a-uuid', sid: randomUUID(), typ: 'access' },
      { sub: randomUUID(), sid: 'not-a-uuid', typ: 'access' },
    ]) {
      const response = await me(await sign(claims));
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('invalid_access_token');
    }
  });
});
