import { CurriculaService } from '#curricula';
import { GroupSetupService, SessionRepository } from '#sessions';
import {
  bootLibModule,
  type LibTestModule,
  seedOrganization,
} from '../../../test/support/lib-module.js';
import { JoinService } from './join.service.js';
import { ModerationService } from './moderation.service.js';
import { VideoModule } from './video.module.js';

/** Without LIVEKIT_* settings: the checks before any LiveKit call are what is under test. */
describe(ModerationService.name, () => {
  let lib: LibTestModule;
  let moderation: ModerationService;
  let joins: JoinService;
  let therapist: string;
  let member: string;
  let outsider: string;
  let stranger: string;
  let first: { id: string; startsAt: Date };

  beforeAll(async () => {
    lib = await bootLibModule('video_moderation', [VideoModule], {
      now: new Date('2026-04-01T12:00:00Z'),
    });
    moderation = lib.get(ModerationService);
    joins = lib.get(JoinService);
    const org = await seedOrganization(lib.dataSource);
    therapist = await org.member('therapist', 'Thera');
    member = await org.member('participant', 'Mia');
    outsider = await org.member('participant', 'Olu');
    stranger = await (await seedOrganization(lib.dataSource, 'Elsewhere')).member('owner', 'S');
    const curriculum = await lib
      .get(CurriculaService)
      .create(org.organizationId, therapist, { templateKey: 'cbt-depression-8' });
    const group = await lib.get(GroupSetupService).create(org.organizationId, therapist, {
      name: 'Room group',
      capacity: 6,
      lobbyEnabled: true,
      timezone: 'UTC',
      firstSessionDate: '2026-04-07',
      startTime: '17:00',
      durationMinutes: 60,
      curriculumVersionId: curriculum.currentVersionId!,
    });
    await lib.dataSource.query(
      `INSERT INTO enrollments (group_id, user_id, status, queued_at) VALUES ($1, $2, 'active', now())`,
      [group.id, member],
    );
    [first] = await lib.get(SessionRepository).listForGroup(group.id);
  }, 60_000);

  afterAll(() => lib?.close());

  it("keeps the lobby for the group's facilitators: 403 for a member, 404 for anyone else", async () => {
    expect((await moderation.waiting(first.id, therapist, { limit: 10 })).items).toEqual([]);
    await expect(moderation.waiting(first.id, member, { limit: 10 })).rejects.toMatchObject({
      code: 'facilitators_only',
    });
    for (const user of [outsider, stranger]) {
      await expect(moderation.waiting(first.id, user, { limit: 10 })).rejects.toMatchObject({
        code: 'session_not_found',
      });
    }
  });

  it('removes only people of the group, and ends only a running session', async () => {
    await expect(moderation.remove(first.id, outsider, therapist)).rejects.toMatchObject({
      code: 'participant_not_found',
    });
    await expect(moderation.end(first.id, therapist)).rejects.toMatchObject({
      code: 'session_not_running',
    });
  });

  it('opens the join window by the clock, and tells members from outsiders', async () => {
    await expect(joins.join(first.id, stranger)).rejects.toMatchObject({
      code: 'session_not_found',
    });
    await expect(joins.join(first.id, outsider)).rejects.toMatchObject({ code: 'not_a_member' });
    await expect(joins.join(first.id, therapist)).rejects.toMatchObject({
      code: 'join_window_closed',
    });
    lib.clock.set(new Date(first.startsAt.getTime() - 60_000));
    // In the window: what stops the facilitator now is only that video is not set up here.
    await expect(joins.join(first.id, therapist)).rejects.toMatchObject({
      code: 'video_unavailable',
    });
    lib.clock.set(new Date(first.startsAt.getTime() + 2 * 3_600_000));
    await expect(joins.join(first.id, therapist)).rejects.toMatchObject({
      code: 'join_window_closed',
    });
  });
});
