import { NotFoundError } from '#common';
import { CurriculaService } from '#curricula';
import { GroupAccess, GroupRepository } from '#groups';
import {
  bootLibModule,
  type LibTestModule,
  seedOrganization,
} from '../../../test/support/lib-module.js';
import { GroupSetupService } from './group-setup.service.js';
import { SessionAccess } from './session-access.js';
import { SessionAgendaService } from './session-agenda.service.js';
import { SessionScheduleService } from './session-schedule.service.js';
import { SessionRepository } from './session.repository.js';
import { SessionsModule } from './sessions.module.js';
import { SessionEvent } from './session.events.js';

const connectionRefused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe(SessionAccess.name, () => {
  let lib: LibTestModule;
  let access: SessionAccess;
  let schedule: SessionScheduleService;
  let therapist: string;
  let participant: string;
  let outsider: string;
  let sessionIds: string[];
  let groupId: string;

  beforeAll(async () => {
    lib = await bootLibModule('sessions_access', [SessionsModule], {
      now: new Date('2026-03-01T12:00:00Z'),
    });
    access = lib.get(SessionAccess);
    schedule = lib.get(SessionScheduleService);
    const org = await seedOrganization(lib.dataSource);
    therapist = await org.member('therapist', 'Thera');
    participant = await org.member('participant', 'Pat');
    outsider = await org.member('therapist', 'Other');
    const curriculum = await lib
      .get(CurriculaService)
      .create(org.organizationId, therapist, { templateKey: 'cbt-depression-8' });
    const group = await lib.get(GroupSetupService).create(org.organizationId, therapist, {
      name: 'Tuesday group',
      capacity: 8,
      lobbyEnabled: false,
      timezone: 'Europe/Berlin',
      firstSessionDate: '2026-03-10',
      startTime: '18:00',
      durationMinutes: 90,
      curriculumVersionId: curriculum.currentVersionId!,
    });
    await lib.dataSource.query(
      `INSERT INTO enrollments (group_id, user_id, status, queued_at) VALUES ($1, $2, 'active', now())`,
      [group.id, participant],
    );
    groupId = group.id;
    sessionIds = (await lib.get(SessionRepository).listForGroup(group.id)).map((s) => s.id);
  }, 60_000);

  afterAll(() => lib?.close());

  it('lets the facilitator act, shows members the session, and hides it from everyone else', async () => {
    const [first] = sessionIds;
    expect((await access.requireFacilitator(first, therapist)).role).toBe('facilitator');
    expect((await access.requireViewer(first, participant)).role).toBe('member');
    await expect(access.requireFacilitator(first, participant)).rejects.toMatchObject({
      code: 'facilitators_only',
    });
    await expect(access.requireViewer(first, outsider)).rejects.toMatchObject({
      code: 'session_not_found',
    });
    await expect(
      access.requireViewer('00000000-0000-4000-8000-000000000000', therapist),
    ).rejects.toMatchObject({ code: 'session_not_found' });
  });

  it('reads the session and group in one statement as TypeORM reads them', async () => {
    const repository = lib.get(SessionRepository);
    const found = await repository.findForPerson(sessionIds[0], participant);
    expect(found?.session).toEqual(await repository.findById(sessionIds[0]));
    expect(found?.group).toEqual(await lib.get(GroupRepository).findById(groupId));
    expect(found?.standing).toEqual({
      organizationRole: 'participant',
      coFacilitates: false,
      enrollmentStatus: 'active',
    });
    expect(await repository.findForPerson('00000000-0000-4000-8000-000000000000', therapist)).toBe(
      null,
    );
  });

  it('rethrows a database outage instead of answering "no such session"', async () => {
    const sessions = lib.get(SessionRepository);
    const groups = lib.get(GroupRepository);
    const findForPerson = sessions.findForPerson;
    sessions.findForPerson = () => Promise.reject(connectionRefused());
    try {
      for (const call of [
        () => access.requireViewer(sessionIds[0], therapist),
        () => schedule.get(sessionIds[0], therapist),
        () => lib.get(SessionAgendaService).agenda(sessionIds[0], therapist),
      ]) {
        const error = await call().catch((e: unknown) => e);
        expect(error).not.toBeInstanceOf(NotFoundError);
        expect(error).toMatchObject({ code: 'ECONNREFUSED' });
      }
    } finally {
      sessions.findForPerson = findForPerson;
    }
    // The same for a group's access read.
    const groupForPerson = groups.findForPerson;
    groups.findForPerson = () => Promise.reject(connectionRefused());
    try {
      await expect(lib.get(GroupAccess).requireViewer(groupId, outsider)).rejects.toMatchObject({
        code: 'ECONNREFUSED',
      });
    } finally {
      groups.findForPerson = groupForPerson;
    }
  });

  it('refuses to move a session into the past, as the clock tells it', async () => {
    lib.clock.set(new Date('2026-03-20T12:00:00Z'));
    await expect(
      schedule.reschedule(sessionIds[5], therapist, '2026-03-19T18:00:00.000Z'),
    ).rejects.toMatchObject({ code: 'starts_in_past' });
    const moved = await schedule.reschedule(sessionIds[5], therapist, '2026-03-21T18:00:00.000Z');
    expect(moved.startsAt).toEqual(new Date('2026-03-21T18:00:00.000Z'));
  });

  it('cancels through the state machine: once, and never again', async () => {
    lib.events.length = 0;
    const cancelled = await schedule.cancel(sessionIds[6], therapist, { reason: 'Holiday' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Holiday' });
    await expect(schedule.cancel(sessionIds[6], therapist, {})).rejects.toMatchObject({
      code: 'illegal_session_transition',
    });
    // Announced once, after the change: the room's jobs and the reminders follow it.
    expect(lib.events).toEqual([
      [SessionEvent.Cancelled, { groupId, sessionId: sessionIds[6], revision: 1, appended: null }],
    ]);
  });
});
