import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { localTime } from '../libs/notifications/src/session-email.js';
import {
  enrolledParticipant,
  distantGroup,
  organizationWithCurriculum,
  type TestUser,
} from './support/groups.js';
import {
  createTestEnvironment,
  type QueueBackendName,
  registerUser,
  type RunningApi,
  type RunningWorker,
  startApi,
  startWorker,
  type TestEnvironment,
} from './support/hearth.js';
import { waitForJob } from './support/wait.js';
import { type ReceivedMail, TestSmtpServer } from './support/smtp.js';

const LEAD_MS = 6_000;

describe.each<QueueBackendName>(['redis', 'postgres'])('Reminders on %s (e2e)', (backend) => {
  let env: TestEnvironment;
  let smtp: TestSmtpServer;
  let api: RunningApi;
  let worker: RunningWorker;
  let owner: TestUser;
  let orgId: string;
  let versionId: string;

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    env = await createTestEnvironment(`reminders_${backend}`, {
      backend,
      env: { SMTP_URL: smtp.url },
    });
    api = await startApi(env.config);
    worker = await startWorker(env.config);
    owner = await registerUser(api.http, 'facilitator');
    ({ orgId, versionId } = await organizationWithCurriculum(api.http, owner, 'Reminder clinic'));
    // One reminder, one minute before each session: short enough for a test to wait for.
    await api.http.patch(
      `/organizations/${orgId}`,
      { reminderOffsetsMinutes: [1] },
      owner.accessToken,
    );
  });

  afterAll(async () => {
    await worker?.app.close();
    await api?.close();
    await smtp?.stop();
    await env?.close();
  });

  /** Moves a session so that its 1-minute reminder falls due `inMs` from now. */
  async function reminderDueIn(sessionId: string, inMs: number) {
    const startsAt = new Date(Date.now() + 60_000 + inMs);
    startsAt.setMilliseconds(0);
    const response = await api.http.patch(
      `/sessions/${sessionId}`,
      { startsAt: startsAt.toISOString() },
      owner.accessToken,
    );
    expect(response.status).toBe(200);
    return { startsAt, dueAt: startsAt.getTime() - 60_000 };
  }

  const remindersTo = (user: TestUser, moduleTitle: string) =>
    smtp.messages.filter(
      (m: ReceivedMail) =>
        m.envelopeTo.includes(user.email.toLowerCase()) &&
        m.subject?.startsWith('Reminder') &&
        m.text?.includes(moduleTitle),
    );

  it("arrives at the due time with the recipient's own local time, a join link and an ICS file", async () => {
    const { groupId, sessions } = await distantGroup(api.http, owner, orgId, versionId);
    const reader = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'Tokyo');
    const other = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'Otherperson');
    await api.http.patch('/me', { timezone: 'Asia/Tokyo' }, reader.accessToken);
    const { startsAt, dueAt } = await reminderDueIn(sessions[0].id, LEAD_MS);

    const mail = await smtp.waitFor(
      (m) => remindersTo(reader, sessions[0].moduleTitle).includes(m),
      20_000,
    );
    const arrived = Date.now();
    expect(arrived).toBeGreaterThanOrEqual(dueAt - 1_000);
    expect(arrived - dueAt).toBeLessThan(6_000);
    expect(mail.subject).toBe('Reminder: your session starts in 1 minute');
    expect(mail.text).toContain(localTime(startsAt, 'Asia/Tokyo'));
    expect(mail.text).toContain(`/sessions/${sessions[0].id}/join`);
    const ics = mail.attachments.find((a) => a.mimeType === 'text/calendar');
    const icsText =
      typeof ics?.content === 'string'
        ? ics.content
        : new TextDecoder().decode(ics?.content as ArrayBuffer);
    expect(icsText).toContain(`UID:session-${sessions[0].id}@hearth`);
    for (const text of [mail.text, mail.html, icsText]) {
      expect(text).not.toContain(other.email);
      expect(text).not.toContain('Otherperson');
    }
    // The facilitator is reminded too, in the group's zone; and it shows in the app.
    await smtp.waitFor((m) => remindersTo(owner, sessions[0].moduleTitle).includes(m));
    const inApp = await api.http.get('/me/notifications', reader.accessToken);
    expect(inApp.body.items.filter((n: { kind: string }) => n.kind === 'reminder')).toHaveLength(1);
    expect(inApp.body.unreadCount).toBeGreaterThan(0);
    const read = await api.http.post(
      `/me/notifications/${inApp.body.items[0].id}/read`,
      {},
      reader.accessToken,
    );
    expect(read.status).toBe(200);

    // Running the same job again sends nothing.
    const queue = api.app.get<Queue>(getQueueToken('reminders'));
    const again = await queue.add('send-reminder', {
      sessionId: sessions[0].id,
      userId: reader.user.id,
      offsetMinutes: 1,
    });
    await waitForJob(queue, again.id!);
    expect(remindersTo(reader, sessions[0].moduleTitle)).toHaveLength(1);
    const inAppAfter = await api.http.get('/me/notifications', reader.accessToken);
    expect(
      inAppAfter.body.items.filter((n: { kind: string }) => n.kind === 'reminder'),
    ).toHaveLength(1);

    // Moved after its reminder went out, the session is reminded again at its new time.
    await reminderDueIn(sessions[0].id, LEAD_MS);
    await smtp.until(() => remindersTo(reader, sessions[0].moduleTitle).length === 2, 20_000);
  }, 60_000);

  it('after a reschedule, delivers at the new time only', async () => {
    const { groupId, sessions } = await distantGroup(api.http, owner, orgId, versionId);
    const person = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'Moved');
    await reminderDueIn(sessions[1].id, LEAD_MS);
    const { dueAt } = await reminderDueIn(sessions[1].id, LEAD_MS + 10_000);

    await smtp.waitFor((m) => remindersTo(person, sessions[1].moduleTitle).includes(m), 30_000);
    expect(Date.now()).toBeGreaterThanOrEqual(dueAt - 1_000);
    await sleep(2_000);
    expect(remindersTo(person, sessions[1].moduleTitle)).toHaveLength(1);
    // Everyone was told about the move.
    expect(
      smtp.messages.some(
        (m) =>
          m.envelopeTo.includes(person.email.toLowerCase()) &&
          m.subject === 'Your session has moved',
      ),
    ).toBe(true);
  }, 40_000);

  it('after a cancellation, and to a withdrawn member, delivers nothing', async () => {
    const { groupId, sessions } = await distantGroup(api.http, owner, orgId, versionId);
    const stays = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'Stays');
    const leaves = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'Leaves');
    const roster = (await api.http.get(`/groups/${groupId}/enrollments`, owner.accessToken)).body
      .items;
    const leaving = roster.find((e: { userId: string }) => e.userId === leaves.user.id);

    const { dueAt: cancelledDue } = await reminderDueIn(sessions[2].id, LEAD_MS);
    const { dueAt } = await reminderDueIn(sessions[3].id, LEAD_MS);
    expect(
      (await api.http.post(`/sessions/${sessions[2].id}/cancel`, {}, owner.accessToken)).status,
    ).toBe(200);
    expect(
      (await api.http.request('DELETE', `/enrollments/${leaving.id}`, { token: owner.accessToken }))
        .status,
    ).toBe(200);

    await smtp.waitFor((m) => remindersTo(stays, sessions[3].moduleTitle).includes(m), 30_000);
    await sleep(Math.max(0, Math.max(cancelledDue, dueAt) + 3_000 - Date.now()));
    expect(remindersTo(stays, sessions[2].moduleTitle)).toHaveLength(0);
    expect(remindersTo(leaves, sessions[3].moduleTitle)).toHaveLength(0);
    expect(remindersTo(leaves, sessions[2].moduleTitle)).toHaveLength(0);
    expect(
      smtp.messages.some(
        (m) =>
          m.envelopeTo.includes(stays.email.toLowerCase()) &&
          m.subject === 'Your session is cancelled',
      ),
    ).toBe(true);
  }, 40_000);

  it('sends nothing on a channel the person turned off', async () => {
    const { groupId, sessions } = await distantGroup(api.http, owner, orgId, versionId);
    const quiet = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'Quiet');
    await api.http.patch('/me', { reminderChannels: { email: false } }, quiet.accessToken);
    const { dueAt } = await reminderDueIn(sessions[4].id, LEAD_MS);
    await smtp.waitFor(
      (m) => remindersTo(owner, sessions[4].moduleTitle).length > 0 && m !== undefined,
      30_000,
    );
    await sleep(Math.max(0, dueAt + 2_000 - Date.now()));
    expect(remindersTo(quiet, sessions[4].moduleTitle)).toHaveLength(0);
    const inApp = await api.http.get('/me/notifications', quiet.accessToken);
    expect(inApp.body.items.some((n: { kind: string }) => n.kind === 'reminder')).toBe(true);
  }, 40_000);
});
