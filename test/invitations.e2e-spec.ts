import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { QUEUE_PG_SCHEMA } from '../libs/queue/src/queue-connection.js';
import {
  createTestEnvironment,
  type QueueBackendName,
  markEmailVerified,
  registerUser,
  type RunningApi,
  type RunningWorker,
  startApi,
  startWorker,
  type TestEnvironment,
  uniqueEmail,
} from './support/hearth.js';
import { waitForJob } from './support/wait.js';
import { TestSmtpServer, type ReceivedMail } from './support/smtp.js';

const tokenFrom = (mail: ReceivedMail) => {
  const link = /https?:\/\/\S+#token=([\w.-]+)/.exec(mail.text ?? '');
  if (!link) throw new Error('no link in the e-mail');
  return link[1];
};

describe.each<QueueBackendName>(['redis', 'postgres'])(
  'Invitations by e-mail on %s (e2e)',
  (backend) => {
    let env: TestEnvironment;
    let smtp: TestSmtpServer;
    let api: RunningApi;
    let worker: RunningWorker | undefined;
    let owner: Awaited<ReturnType<typeof registerUser>>;
    let orgId: string;

    beforeAll(async () => {
      smtp = await new TestSmtpServer().start();
      env = await createTestEnvironment(`invitations_${backend}`, {
        backend,
        env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://hearth.example.org' },
      });
      api = await startApi(env.config);
      owner = await registerUser(api.http, 'owner');
      orgId = (
        await api.http.post('/organizations', { name: 'Harbour Group Practice' }, owner.accessToken)
      ).body.id;
    });

    afterAll(async () => {
      await worker?.app.close();
      await api?.close();
      await smtp?.stop();
      await env?.close();
    });

    const invite = (email: string, role = 'participant') =>
      api.http.post(`/organizations/${orgId}/invitations`, { email, role }, owner.accessToken);
    const mailTo = (email: string, subject = 'You are invited') =>
      smtp.waitFor(
        (mail) => mail.envelopeTo.includes(email) && !!mail.subject?.startsWith(subject),
      );

    it('queues the e-mail in the api and sends it only from the worker', async () => {
      const email = uniqueEmail('invitee');
      const response = await invite(email, 'therapist');
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        email,
        role: 'therapist',
        expiresAt: expect.any(String),
      });

      // The api only produces: without a worker the job waits and nothing is sent.
      const queue = api.app.get<Queue>(getQueueToken('notifications'));
      await sleep(500);
      expect(smtp.messages).toHaveLength(0);
      expect(await queue.getJobState(`invitation-${response.body.id}-v1`)).toBe('waiting');
      const [{ jobs }] = await api.app
        .get(DataSource)
        .query(`SELECT count(*)::int AS jobs FROM ${QUEUE_PG_SCHEMA}.job`)
        .catch(() => [{ jobs: null }]);
      // On the PostgreSQL backend jobs are rows of the application database; on Redis they are
      // not. Two are waiting: the owner's address verification and this invitation.
      expect(jobs).toBe(backend === 'postgres' ? 2 : null);

      worker = await startWorker(env.config);
      const mail = await mailTo(email);
      expect(mail.subject).toBe('You are invited to join Harbour Group Practice on Hearth');
      expect(mail.text).toContain('https://hearth.example.org/invitations/accept#token=');
      expect(mail.html).toContain('Harbour Group Practice');
      // The role in plain words, not its code.
      expect(mail.text).toContain('join them on Hearth as a therapist.');

      const accepted = await api.http.post('/invitations/accept', {
        token: tokenFrom(mail),
        password: 'my own new password',
        displayName: 'Willow',
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        organizationId: orgId,
        user: { email, displayName: 'Willow' },
      });
      const me = await api.http.get('/me', accepted.body.accessToken);
      expect(me.body.memberships).toEqual([{ organizationId: orgId, role: 'therapist' }]);
      const login = await api.http.post('/auth/login', { email, password: 'my own new password' });
      expect(login.status).toBe(200);

      const again = await api.http.post('/invitations/accept', {
        token: tokenFrom(mail),
        password: 'my own new password',
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('invitation_accepted');
    });

    it('sends an invitation once even when its job runs twice', async () => {
      const email = uniqueEmail('once');
      const { body } = await invite(email);
      await mailTo(email);
      const queue = api.app.get<Queue>(getQueueToken('notifications'));
      const rerun = await queue.add('invitation-email', { invitationId: body.id, version: 1 });
      await waitForJob(queue, rerun.id!);
      const invitations = smtp.messages.filter(
        (m) => m.envelopeTo.includes(email) && m.subject?.startsWith('You are invited'),
      );
      expect(invitations).toHaveLength(1);
    });

    it('makes a renewed invitation the only valid link', async () => {
      const email = uniqueEmail('renewed');
      await invite(email);
      const first = await mailTo(email);
      smtp.messages.splice(smtp.messages.indexOf(first), 1);
      // Renewed more than ten minutes after it was mailed (sooner, nothing is mailed again).
      const db = new DataSource({ type: 'postgres', url: env.database.url });
      await db.initialize();
      await db.query(
        `UPDATE invitations SET expires_at = expires_at - interval '11 minutes' WHERE email = $1`,
        [email],
      );
      await db.destroy();
      await invite(email, 'admin');
      const second = await mailTo(email);

      const old = await api.http.post('/invitations/accept', {
        token: tokenFrom(first),
        password: 'a fine password',
        displayName: 'Old link',
      });
      expect(old.status).toBe(404);
      const fresh = await api.http.post('/invitations/accept', {
        token: tokenFrom(second),
        password: 'a fine password',
        displayName: 'New link',
      });
      expect(fresh.status).toBe(200);
      const me = await api.http.get('/me', fresh.body.accessToken);
      expect(me.body.memberships).toEqual([{ organizationId: orgId, role: 'admin' }]);
    });

    it('mails a repeated invitation once, so nobody can flood an inbox through it', async () => {
      const email = uniqueEmail('repeated');
      // Switching the role back and forth mails nothing more either; the last role applies.
      for (const role of ['participant', 'therapist', 'participant', 'admin']) {
        expect((await invite(email, role)).status).toBe(201);
      }
      const mail = await mailTo(email);
      await sleep(1_000);
      expect(smtp.messages.filter((m) => m.envelopeTo.includes(email))).toEqual([mail]);
      // The one mailed link is still the valid one.
      const accepted = await api.http.post('/invitations/accept', {
        token: tokenFrom(mail),
        password: 'a fine password',
        displayName: 'Repeated',
      });
      expect(accepted.status).toBe(200);
      const me = await api.http.get('/me', accepted.body.accessToken);
      expect(me.body.memberships).toEqual([{ organizationId: orgId, role: 'admin' }]);
    });

    it('lets a verified account accept with its own password only', async () => {
      const person = await registerUser(api.http, 'existing');
      await markEmailVerified(env, person.user.id);
      await invite(person.email);
      const mail = await mailTo(person.email, 'You are invited');
      // Only the address's owner reads this, so it may say an account exists.
      expect(mail.text).toContain('sign in to accept');
      expect(mail.text).not.toContain('choose your password');
      const wrong = await api.http.post('/invitations/accept', {
        token: tokenFrom(mail),
        password: 'not my password',
      });
      expect(wrong.status).toBe(401);
      const right = await api.http.post('/invitations/accept', {
        token: tokenFrom(mail),
        password: person.password,
      });
      expect(right.status).toBe(200);
      expect(right.body.user.id).toBe(person.user.id);
      expect((await invite(person.email)).status).toBe(409);
    });

    it("hands an unverified account to the address's owner and signs out whoever registered it", async () => {
      const squatter = await registerUser(api.http, 'squatter');
      await invite(squatter.email, 'admin');
      const mail = await mailTo(squatter.email, 'You are invited');
      const claimed = await api.http.post('/invitations/accept', {
        token: tokenFrom(mail),
        password: 'the real owner chose this',
        displayName: 'Real owner',
      });
      expect(claimed.status).toBe(200);
      expect(claimed.body.user).toMatchObject({ id: squatter.user.id, displayName: 'Real owner' });
      const me = await api.http.get('/me', claimed.body.accessToken);
      expect(me.body).toMatchObject({
        emailVerified: true,
        memberships: [{ organizationId: orgId, role: 'admin' }],
      });
      expect(
        (await api.http.post('/auth/refresh', { refreshToken: squatter.refreshToken })).status,
      ).toBe(401);
      expect(
        (await api.http.post('/auth/login', { email: squatter.email, password: squatter.password }))
          .status,
      ).toBe(401);
    });

    it("verifies a new account's address through the mailed link", async () => {
      const person = await registerUser(api.http, 'verify');
      const mail = await mailTo(person.email, 'Confirm your e-mail address');
      expect(mail.text).toContain('https://hearth.example.org/verify-email/#token=');
      expect((await api.http.get('/me', person.accessToken)).body.emailVerified).toBe(false);
      const token = tokenFrom(mail);
      const tampered = await api.http.post('/auth/verify-email', {
        token: `${token.slice(0, -2)}xx`,
      });
      expect(tampered.status).toBe(404);
      const verified = await api.http.post('/auth/verify-email', { token });
      expect(verified.status).toBe(200);
      expect((await api.http.get('/me', person.accessToken)).body.emailVerified).toBe(true);
    });

    it('asks a new account for its display name', async () => {
      const email = uniqueEmail('nameless');
      await invite(email);
      const mail = await mailTo(email);
      expect(mail.text).toContain('choose your password');
      const response = await api.http.post('/invitations/accept', {
        token: tokenFrom(mail),
        password: 'a fine password',
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'displayName', message: expect.any(String) }]);
    });

    it('lists open invitations to its owners and admins only', async () => {
      const open = uniqueEmail('open');
      const gone = uniqueEmail('gone');
      await invite(open, 'therapist');
      const accepted = await invite(gone);
      await api.http.post('/invitations/accept', {
        token: tokenFrom(await mailTo(gone)),
        password: 'a long phrase nobody guesses',
        displayName: 'Gone',
      });
      const list = async (token: string, query = '') =>
        api.http.get(`/organizations/${orgId}/invitations${query}`, token);
      const all: { id: string; email: string; role: string }[] = [];
      let cursor = '';
      for (;;) {
        const page = await list(owner.accessToken, `?limit=2${cursor}`);
        expect(page.status).toBe(200);
        all.push(...page.body.items);
        if (!page.body.nextCursor) break;
        cursor = `&cursor=${page.body.nextCursor}`;
      }
      expect(all).toContainEqual({
        id: expect.any(String),
        email: open,
        role: 'therapist',
        expiresAt: expect.any(String),
      });
      expect(all.map((i) => i.id)).not.toContain(accepted.body.id);
      expect(new Set(all.map((i) => i.id)).size).toBe(all.length);

      const therapist = await registerUser(api.http, 'lister');
      await markEmailVerified(env, therapist.user.id);
      await invite(therapist.email, 'therapist');
      await api.http.post('/invitations/accept', {
        token: tokenFrom(await mailTo(therapist.email)),
        password: therapist.password,
      });
      const refused = await list(therapist.accessToken);
      expect(refused.status).toBe(403);
      const stranger = await registerUser(api.http, 'outsider');
      expect((await list(stranger.accessToken)).status).toBe(404);
    });

    it('reports the worker ready on its own health endpoint', async () => {
      const base = `http://127.0.0.1:${worker!.healthPort}/api/v1/health`;
      expect((await fetch(base)).status).toBe(200);
      const ready = await fetch(`${base}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ok', info: { queue: { backend } } });
    });
  },
);
