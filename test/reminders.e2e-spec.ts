import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { Clock, ManualClock } from '../libs/common/src/index.js';
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
import { eventually, waitForJob } from './support/wait.js';
import { type ReceivedMail, TestSmtpServer } from './support/smtp.js';

/**
 * How long after its planning a reminder falls due, on the test's clock. Nothing here waits for
 * it: the test moves the clock of the api and the worker to the due time and runs the reminder
 * jobs planned for it, so the suite takes seconds, not minutes of real time.
 */
const LEAD_MS = 5 * 60_000;

/**
 * Puts the api and the worker (both in this process) on the test's clock: every service that
 * asks their `Clock` gets the test's time. Test-only: production has no way to do this.
 */
function useClock(app: INestApplicationContext, clock: ManualClock) {
  const injected = app.get(Clock);
  injected.now = () => clock.now();
}

describe.each<QueueBackendName>(['redis', 'postgres'])('Reminders on %s (e2e)', (backend) => {
  let env: TestEnvironment;
  let smtp: TestSmtpServer;
  let api: RunningApi;
  let worker: RunningWorker;
  let owner: TestUser;
  let orgId: string;
  let versionId: string;
  let queue: Queue;
  const clock = new ManualClock();

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    env = await createTestEnvironment(`reminders_${backend}`, {
      backend,
      env: { SMTP_URL: smtp.url },
    });
    api = await startApi(env.config);
    worker = await startWorker(env.config);
    clock.set(new Date());
    useClock(api.app, clock);
    useClock(worker.app, clock);
    queue = api.app.get<Queue>(getQueueToken('reminders'));
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

  /** Moves a session so that its 1-minute reminder falls due `inMs` from now (the test's now). */
  async function reminderDueIn(sessionId: string, inMs: number) {
    const startsAt = new Date(clock.millis() + 60_000 + inMs);
    startsAt.setMilliseconds(0);
    const response = await api.http.patch(
      `/sessions/${sessionId}`,
      { startsAt: startsAt.toISOString() },
      owner.accessToken,
    );
    expect(response.status).toBe(200);
    return { startsAt, dueAt: startsAt.getTime() - 60_000 };
  }

  /** Waits until the worker has run every job that is not delayed (plans, notices, sends). */
  async function settled() {
    await eventually(async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
      return Object.values(counts).every((n) => n === 0);
    }, 20_000);
  }

  /**
   * Time reaches `dueAt`: checks that every reminder planned for these sessions waits exactly
   * until then (their delay is counted from the clock, which stood still since they were
   * planned), moves the clock there and runs them, as the queue would at that moment.
   */
  async function timeReaches(dueAt: number, ...sessionIds: string[]): Promise<Job[]> {
    await settled();
    const due = (await queue.getDelayed()).filter(
      (job) =>
        job.name === 'send-reminder' &&
        sessionIds.includes((job.data as { sessionId: string }).sessionId),
    );
    for (const job of due) expect(job.delay).toBe(dueAt - clock.millis());
    clock.set(new Date(dueAt));
    await Promise.all(due.map((job) => job.promote()));
    await settled();
    return due;
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
    await settled();
    expect(remindersTo(reader, sessions[0].moduleTitle)).toHaveLength(0);

    const fired = await timeReaches(dueAt, sessions[0].id);
    expect(fired.map((job) => (job.data as { userId: string }).userId).sort()).toEqual(
      [reader.user.id, other.user.id, owner.user.id].sort(),
    );
    const mail = await smtp.waitFor((m) =>
      remindersTo(reader, sessions[0].moduleTitle).includes(m),
    );
    expect(mail.subject).toBe('Reminder: your session starts in 1 minute');
    expect(mail.text).toContain(localTime(startsAt, 'Asia/Tokyo'));
    expect(mail.text).toContain(`/sessions/${sessions[0].id}/join`);
    // The reminder says where to turn reminders off: the web app's profile page.
    expect(mail.text).toMatch(/turn reminders off in your profile: https?:\/\/\S+\/profile\n/);
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
    const moved = await reminderDueIn(sessions[0].id, LEAD_MS);
    await timeReaches(moved.dueAt, sessions[0].id);
    await smtp.until(() => remindersTo(reader, sessions[0].moduleTitle).length === 2);
  });

  it('after a reschedule, delivers at the new time only', async () => {
    const { groupId, sessions } = await distantGroup(api.http, owner, orgId, versionId);
    const person = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'Moved');
    await reminderDueIn(sessions[1].id, LEAD_MS);
    const { dueAt } = await reminderDueIn(sessions[1].id, LEAD_MS + 10_000);

    // One reminder for the person, waiting for the new time only (timeReaches checks its delay).
    const fired = await timeReaches(dueAt, sessions[1].id);
    expect(
      fired.filter((job) => (job.data as { userId: string }).userId === person.user.id),
    ).toHaveLength(1);
    await smtp.waitFor((m) => remindersTo(person, sessions[1].moduleTitle).includes(m));
    await settled();
    expect(remindersTo(person, sessions[1].moduleTitle)).toHaveLength(1);
    // Everyone was told about the move.
    expect(
      smtp.messages.some(
        (m) =>
          m.envelopeTo.includes(person.email.toLowerCase()) &&
          m.subject === 'Your session has moved',
      ),
    ).toBe(true);
  });

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
      (
        await api.http.post(
          `/sessions/${sessions[2].id}/cancel`,
          { reason: 'The room is closed for the holiday' },
          owner.accessToken,
        )
      ).status,
    ).toBe(200);
    expect(
      (await api.http.request('DELETE', `/enrollments/${leaving.id}`, { token: owner.accessToken }))
        .status,
    ).toBe(200);

    expect(cancelledDue).toBe(dueAt);
    await timeReaches(dueAt, sessions[2].id, sessions[3].id);
    await smtp.waitFor((m) => remindersTo(stays, sessions[3].moduleTitle).includes(m));
    expect(remindersTo(stays, sessions[2].moduleTitle)).toHaveLength(0);
    expect(remindersTo(leaves, sessions[3].moduleTitle)).toHaveLength(0);
    expect(remindersTo(leaves, sessions[2].moduleTitle)).toHaveLength(0);
    expect(
      smtp.messages.some(
        (m) =>
          m.envelopeTo.includes(stays.email.toLowerCase()) &&
          m.subject === 'Your session is cancelled' &&
          (m.text ?? '').includes('Reason: The room is closed for the holiday'),
      ),
    ).toBe(true);
    const told = (await api.http.get('/me/notifications', stays.accessToken)).body.items.find(
      (n: { kind: string }) => n.kind === 'session_cancelled',
    );
    expect(told.body).toContain('The room is closed for the holiday');
  });

  it('sends nothing on a channel the person turned off', async () => {
    const { groupId, sessions } = await distantGroup(api.http, owner, orgId, versionId);
    const quiet = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'Quiet');
    await api.http.patch('/me', { reminderChannels: { email: false } }, quiet.accessToken);
    const { dueAt } = await reminderDueIn(sessions[4].id, LEAD_MS);
    await timeReaches(dueAt, sessions[4].id);
    await smtp.waitFor(
      (m) => remindersTo(owner, sessions[4].moduleTitle).length > 0 && m !== undefined,
    );
    expect(remindersTo(quiet, sessions[4].moduleTitle)).toHaveLength(0);
    const inApp = await api.http.get('/me/notifications', quiet.accessToken);
    expect(inApp.body.items.some((n: { kind: string }) => n.kind === 'reminder')).toBe(true);
  });
});
