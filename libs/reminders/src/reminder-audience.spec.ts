import { CurriculaService } from '#curricula';
import { Transactions } from '#database';
import { GroupSetupService, SessionRepository } from '#sessions';
import {
  bootLibModule,
  type LibTestModule,
  seedOrganization,
} from '../../../test/support/lib-module.js';
import { ReminderAudienceRepository } from './reminder-audience.repository.js';
import { RemindersModule } from './reminders.module.js';

/**
 * Who the reminder jobs write to, read in one place: the facilitators (lead and co-facilitators)
 * and the active seats; never a waitlisted or withdrawn person or someone outside the group.
 */
describe(ReminderAudienceRepository.name, () => {
  let lib: LibTestModule;
  let audience: ReminderAudienceRepository;
  let people: Record<
    'lead' | 'coFacilitator' | 'seated' | 'waiting' | 'withdrawn' | 'outsider',
    string
  >;
  let groupId: string;
  let sessionId: string;

  beforeAll(async () => {
    lib = await bootLibModule('reminders_audience', [RemindersModule], {
      now: new Date('2027-03-01T12:00:00Z'),
    });
    audience = lib.get(ReminderAudienceRepository);
    const org = await seedOrganization(lib.dataSource);
    people = {
      lead: await org.member('therapist', 'Lead'),
      coFacilitator: await org.member('therapist', 'Co'),
      seated: await org.member('participant', 'Seated'),
      waiting: await org.member('participant', 'Waiting'),
      withdrawn: await org.member('participant', 'Withdrawn'),
      outsider: await org.member('participant', 'Outsider'),
    };
    const curriculum = await lib
      .get(CurriculaService)
      .create(org.organizationId, people.lead, { templateKey: 'cbt-depression-8' });
    groupId = (
      await lib.get(GroupSetupService).create(org.organizationId, people.lead, {
        name: 'Thursday group',
        curriculumVersionId: curriculum.currentVersionId!,
        coFacilitatorIds: [people.coFacilitator],
        timezone: 'Europe/London',
        firstSessionDate: '2027-03-11',
        startTime: '18:00',
        durationMinutes: 90,
        capacity: 10,
        lobbyEnabled: false,
      })
    ).id;
    // The co-facilitator also holds a seat: told once, not twice.
    for (const [userId, status] of [
      [people.coFacilitator, 'active'],
      [people.seated, 'active'],
      [people.waiting, 'waitlisted'],
      [people.withdrawn, 'withdrawn'],
    ]) {
      await lib.dataSource.query(
        `INSERT INTO enrollments (group_id, user_id, status, queued_at) VALUES ($1, $2, $3, now())`,
        [groupId, userId, status],
      );
    }
    sessionId = (await lib.get(SessionRepository).listForGroup(groupId))[0].id;
  }, 60_000);

  afterAll(() => lib?.close());

  const receivers = () => [people.lead, people.coFacilitator, people.seated].sort();

  it('gives a reminder its recipient only while they belong to the group', async () => {
    for (const userId of receivers()) {
      expect((await audience.forReminder(sessionId, userId))?.recipient?.id).toBe(userId);
    }
    for (const userId of [people.waiting, people.withdrawn, people.outsider]) {
      const found = await audience.forReminder(sessionId, userId);
      expect(found?.session.id).toBe(sessionId);
      expect(found?.recipient).toBeNull();
    }
    expect(await audience.forReminder('00000000-0000-4000-8000-000000000000', people.lead)).toBe(
      null,
    );
  });

  it('tells a session notice to each facilitator and active seat once', async () => {
    const found = await audience.forNotice(sessionId);
    expect(found?.recipients.map((user) => user.id).sort()).toEqual(receivers());
    expect(found?.recipients[0]).not.toHaveProperty('passwordHash');
  });

  it('plans for the receivers and removes what anyone who ever had a place was sent', async () => {
    const transactions = lib.get(Transactions);
    const plan = await transactions.run((tx) => audience.forPlan(groupId, { fresh: false }, tx));
    expect(plan?.recipients.sort()).toEqual(receivers());
    expect(plan?.former.sort()).toEqual(
      [people.lead, people.coFacilitator, people.seated, people.waiting, people.withdrawn].sort(),
    );
    expect(plan?.sessions).toHaveLength(8);
    const fresh = await transactions.run((tx) => audience.forPlan(groupId, { fresh: true }, tx));
    expect(fresh?.former).toEqual([]);
  });
});
