import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { distantGroup, enrolledParticipant, organizationWithCurriculum } from './support/groups.js';
import {
  createTestEnvironment,
  type QueueBackendName,
  registerUser,
  type RunningApi,
  startApi,
  type TestEnvironment,
} from './support/hearth.js';
import { runCompiledWorker } from './support/processes.js';
import { TestSmtpServer } from './support/smtp.js';

describe.each<QueueBackendName>(['redis', 'postgres'])(
  'A worker killed while sending, on %s (e2e)',
  (backend) => {
    let env: TestEnvironment;
    let smtp: TestSmtpServer;
    let api: RunningApi;
    const workers: ChildProcess[] = [];

    beforeAll(async () => {
      smtp = await new TestSmtpServer().start();
      env = await createTestEnvironment(`reminders_crash_${backend}`, {
        backend,
        env: { SMTP_URL: smtp.url, QUEUE_LOCK_DURATION_MS: '3000', LOG_LEVEL: 'silent' },
      });
      api = await startApi(env.config);
    });

    afterAll(async () => {
      for (const worker of workers) worker.kill('SIGKILL');
      await api?.close();
      await smtp?.stop();
      await env?.close();
    });

    it('neither loses nor duplicates the reminder after SIGKILL and a restart', async () => {
      const owner = await registerUser(api.http, 'facilitator');
      await api.http.patch(
        '/me',
        { reminderChannels: { email: false, inApp: false } },
        owner.accessToken,
      );
      const { orgId, versionId } = await organizationWithCurriculum(
        api.http,
        owner,
        'Crash clinic',
      );
      await api.http.patch(
        `/organizations/${orgId}`,
        { reminderOffsetsMinutes: [1] },
        owner.accessToken,
      );
      const { groupId, sessions } = await distantGroup(api.http, owner, orgId, versionId);
      const person = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'survivor');
      const address = person.email.toLowerCase();
      const isReminder = (m: { envelopeTo: string[]; subject?: string }) =>
        m.envelopeTo.includes(address) && !!m.subject?.startsWith('Reminder');

      // The SMTP server takes the reminder in but never answers: the worker is mid-send.
      smtp.holding = isReminder;
      const first = runCompiledWorker(env.env);
      workers.push(first);
      const startsAt = new Date(Date.now() + 60_000 + 8_000);
      await api.http.patch(
        `/sessions/${sessions[0].id}`,
        { startsAt: startsAt.toISOString() },
        owner.accessToken,
      );
      await smtp.until(() => smtp.held.some(isReminder), 30_000);
      first.kill('SIGKILL');
      await new Promise((resolve) => first.once('exit', resolve));
      expect(smtp.messages.filter(isReminder)).toHaveLength(0);

      // A new worker takes the stalled job over once its lock expires, and sends it once.
      smtp.holding = undefined;
      const second = runCompiledWorker(env.env);
      workers.push(second);
      await smtp.until(() => smtp.messages.some(isReminder), 30_000);
      await sleep(5_000);
      expect(smtp.messages.filter(isReminder)).toHaveLength(1);
      second.kill('SIGTERM');
    }, 90_000);
  },
);
