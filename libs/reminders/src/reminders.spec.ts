import { getQueueToken } from '@nestjs/bullmq';
import { CurriculaService } from '#curricula';
import { AuthService } from '#identity';
import { type MailMessage, MailerService } from '#notifications';
import { OrganizationsService } from '#organizations';
import { QueueName } from '#queue';
import {
  GroupSetupService,
  type Session,
  SessionRepository,
  SessionScheduleService,
} from '#sessions';
import { bootLibModule, type LibTestModule } from '../../../test/support/lib-module.js';
import { InAppNotificationsService } from './in-app-notifications.service.js';
import { PlanRemindersListener } from './plan-reminders/plan-reminders.listener.js';
import { PLAN_REMINDERS_JOB } from './plan-reminders/plan-reminders.queue.js';
import { ReminderPlanner } from './reminder-planner.service.js';
import { ReminderSender } from './reminder-sender.service.js';
import { RemindersModule } from './reminders.module.js';
import { reminderJobId } from './send-reminder.job.js';
import { SessionNoticeListener } from './session-notice/session-notice.listener.js';
import { SESSION_NOTICE_JOB } from './session-notice/session-notice.queue.js';

const OFFSET = 60;

interface PlannedJob {
  name: string;
  data: { sessionId: string; userId: string; offsetMinutes: number };
  opts: { jobId: string; delay: number };
}

/** The reminders queue as the planner sees it: jobs by id, removable. */
class FakeQueue {
  readonly jobs = new Map<string, PlannedJob>();

  addBulk(jobs: PlannedJob[]) {
    for (const job of jobs) this.jobs.set(job.opts.jobId, job);
    return Promise.resolve([]);
  }

  remove(id: string) {
    return Promise.resolve(this.jobs.delete(id) ? 1 : 0);
  }

  /** Single jobs (plans and notices), queued by the listeners after a change. */
  readonly added: { name: string; data: unknown }[] = [];

  add(name: string, data: unknown) {
    this.added.push({ name, data });
    return Promise.resolve({});
  }
}

describe('Reminders', () => {
  let lib: LibTestModule;
  const queue = new FakeQueue();
  const mails: MailMessage[] = [];
  let ownerId: string;
  let orgId: string;
  let groupId: string;
  let sessions: Session[];

  beforeAll(async () => {
    lib = await bootLibModule('reminders', [RemindersModule], {
      now: new Date('2027-03-01T12:00:00Z'),
      overrides: [
        { provide: getQueueToken(QueueName.Reminders), useValue: queue },
        {
          provide: MailerService,
          useValue: { send: (mail: MailMessage) => Promise.resolve(void mails.push(mail)) },
        },
      ],
    });
    const { user } = await lib.get(AuthService).register({
      email: 'lead@example.org',
      password: 'a long passphrase 41',
      displayName: 'Lead',
    });
    ownerId = user.id;
    const organizations = lib.get(OrganizationsService);
    orgId = (await organizations.create('Clinic', ownerId)).id;
    await organizations.update(orgId, { reminderOffsetsMinutes: [OFFSET] });
    const curriculum = await lib
      .get(CurriculaService)
      .create(orgId, ownerId, { templateKey: 'cbt-depression-8' });
    groupId = (
      await lib.get(GroupSetupService).create(orgId, ownerId, {
        name: 'Tuesday group',
        curriculumVersionId: curriculum.currentVersionId!,
        timezone: 'Europe/London',
        firstSessionDate: '2027-03-09',
        startTime: '19:00',
        durationMinutes: 90,
        capacity: 10,
        lobbyEnabled: false,
      })
    ).id;
    sessions = await lib.get(SessionRepository).listForGroup(groupId);
  });

  afterAll(() => lib?.close());

  const dueAt = (session: Session) => session.startsAt.getTime() - OFFSET * 60_000;

  describe(PlanRemindersListener.name, () => {
    it('asks for a re-plan when the offsets change and when a group opens', () => {
      expect(queue.added).toEqual([
        { name: PLAN_REMINDERS_JOB, data: { organizationId: orgId } },
        { name: PLAN_REMINDERS_JOB, data: { groupId, fresh: true } },
      ]);
    });
  });

  describe(ReminderPlanner.name, () => {
    it('plans one reminder per coming session, waiting on the clock until its offset', async () => {
      const planner = lib.get(ReminderPlanner);
      expect(await planner.planGroup(groupId)).toEqual({ planned: sessions.length, removed: 0 });
      for (const session of sessions) {
        const job = queue.jobs.get(reminderJobId(session.id, ownerId, OFFSET));
        expect(job?.opts.delay).toBe(dueAt(session) - lib.clock.millis());
      }

      // A week later the first session is past: re-planning replaces the rest and drops it.
      lib.clock.set(new Date(sessions[0].startsAt.getTime() + 60_000));
      expect(await planner.planGroup(groupId)).toEqual({
        planned: sessions.length - 1,
        removed: sessions.length - 1,
      });
      expect(queue.jobs.get(reminderJobId(sessions[1].id, ownerId, OFFSET))?.opts.delay).toBe(
        dueAt(sessions[1]) - lib.clock.millis(),
      );
    });
  });

  describe(ReminderSender.name, () => {
    it('sends a reminder only once it is due, and only once', async () => {
      const sender = lib.get(ReminderSender);
      const session = sessions[2];
      const payload = { sessionId: session.id, userId: ownerId, offsetMinutes: OFFSET };

      lib.clock.set(new Date(dueAt(session) - 10 * 60_000));
      expect(await sender.sendReminder(payload)).toBe(0);

      lib.clock.set(new Date(dueAt(session)));
      expect(await sender.sendReminder(payload)).toBe(2); // e-mail and in-app
      expect(await sender.sendReminder(payload)).toBe(0);
      expect(mails.filter((m) => m.to === 'lead@example.org')).toHaveLength(1);
      // An offset the organization does not use sends nothing.
      expect(await sender.sendReminder({ ...payload, offsetMinutes: 30 })).toBe(0);
    });
  });

  describe(InAppNotificationsService.name, () => {
    it('lists the reminder as unread until it is marked read', async () => {
      const notifications = lib.get(InAppNotificationsService);
      const page = await notifications.list(ownerId, { limit: 20 });
      expect(page.items.map((n) => n.kind)).toEqual(['reminder']);
      expect(page.unreadCount).toBe(1);
      await notifications.markRead(ownerId, page.items[0].id);
      expect((await notifications.list(ownerId, { limit: 20 })).unreadCount).toBe(0);
      await expect(notifications.markRead(sessions[0].id, page.items[0].id)).rejects.toMatchObject({
        code: 'notification_not_found',
      });
    });
  });

  describe(SessionNoticeListener.name, () => {
    it('queues a re-plan and one notice of the revision a cancellation made', async () => {
      queue.added.length = 0;
      const cancelled = sessions[5];
      await lib.get(SessionScheduleService).cancel(cancelled.id, ownerId, {});
      expect(queue.added).toEqual(
        expect.arrayContaining([
          { name: PLAN_REMINDERS_JOB, data: { groupId } },
          {
            name: SESSION_NOTICE_JOB,
            data: { sessionId: cancelled.id, kind: 'session_cancelled', revision: 1 },
          },
        ]),
      );
      expect(queue.added).toHaveLength(2);
    });
  });
});
