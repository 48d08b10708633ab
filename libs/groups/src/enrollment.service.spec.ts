import { NotFoundError } from '#common';
import { CurriculaService } from '#curricula';
import { Transactions } from '#database';
import { GroupRepository } from './group.repository.js';
import {
  bootLibModule,
  type LibTestModule,
  seedOrganization,
} from '../../../test/support/lib-module.js';
import type { CreateGroupDto } from './dto/group.dto.js';
import { EnrollmentService } from './enrollment.service.js';
import { GroupAccess } from './group-access.service.js';
import { GroupService } from './group.service.js';
import { GroupsModule } from './groups.module.js';

describe(EnrollmentService.name, () => {
  let lib: LibTestModule;
  let enrollments: EnrollmentService;
  let groups: GroupService;
  let org: Awaited<ReturnType<typeof seedOrganization>>;
  let therapist: string;
  let input: CreateGroupDto;

  const openGroup = async (changes: Partial<CreateGroupDto> = {}) => {
    const prepared = await groups.prepare(org.organizationId, therapist, { ...input, ...changes });
    return lib.get(Transactions).run((tx) => groups.insert(prepared, tx));
  };

  beforeAll(async () => {
    lib = await bootLibModule('groups_enrollment', [GroupsModule], {
      now: new Date('2026-03-01T12:00:00Z'),
    });
    enrollments = lib.get(EnrollmentService);
    groups = lib.get(GroupService);
    org = await seedOrganization(lib.dataSource);
    therapist = await org.member('therapist', 'Thera');
    const curriculum = await lib
      .get(CurriculaService)
      .create(org.organizationId, therapist, { templateKey: 'mbct-8' });
    input = {
      name: 'Thursday group',
      capacity: 2,
      lobbyEnabled: true,
      timezone: 'Asia/Dhaka',
      firstSessionDate: '2026-03-12',
      startTime: '19:00',
      durationMinutes: 120,
      curriculumVersionId: curriculum.currentVersionId!,
    };
  }, 60_000);

  afterAll(() => lib?.close());

  it('refuses a group led by someone who is not staff, or smaller than its minimum', async () => {
    const participant = await org.member('participant', 'Pia');
    await expect(groups.prepare(org.organizationId, participant, input)).rejects.toMatchObject({
      code: 'not_a_facilitator',
      field: 'leadFacilitatorId',
    });
    await expect(
      groups.prepare(org.organizationId, therapist, { ...input, minSize: 3 }),
    ).rejects.toMatchObject({ code: 'min_size_above_capacity' });
  });

  it('fills the seats, waitlists the rest in order, and promotes the first when a seat frees', async () => {
    const group = await openGroup();
    const people = [];
    for (const alias of ['Ana', 'Bo', 'Cy', 'Di'])
      people.push(await org.member('participant', alias));
    const statuses = [];
    for (const person of people) {
      statuses.push((await enrollments.enroll(group.id, therapist, person)).status);
    }
    expect(statuses).toEqual(['active', 'active', 'waitlisted', 'waitlisted']);
    await expect(enrollments.enroll(group.id, therapist, people[0])).rejects.toMatchObject({
      code: 'already_enrolled',
    });

    lib.clock.set(new Date('2026-03-05T09:30:00Z'));
    lib.queued.length = 0;
    const enrollment = (await enrollments.roster(group.id, therapist, { limit: 10 })).items[0];
    const result = await enrollments.withdraw(enrollment.id, people[0]);
    expect(result.status).toBe('withdrawn');
    expect(result.promoted).toMatchObject({ userId: people[2], status: 'active' });
    const [{ promoted_at }] = await lib.dataSource.query<{ promoted_at: Date }[]>(
      'SELECT promoted_at FROM enrollments WHERE id = $1',
      [result.promoted!.id],
    );
    expect(promoted_at).toEqual(new Date('2026-03-05T09:30:00Z'));
    expect(lib.queued).toContainEqual({
      queue: 'notifications',
      name: 'waitlist-promotion-email',
      data: { enrollmentId: result.promoted!.id },
    });
    expect(await enrollments.promotionEmailFor(result.promoted!.id)).not.toBeNull();
    expect(await enrollments.markPromotionMailed(result.promoted!.id)).toBe(true);
    expect(await enrollments.promotionEmailFor(result.promoted!.id)).toBeNull();
  });

  it('hides a group from other therapists, and lets members but not outsiders see its members', async () => {
    const group = await openGroup({ capacity: 5 });
    const other = await org.member('therapist', 'Otto');
    const member = await org.member('participant', 'Mo');
    await enrollments.enroll(group.id, therapist, member);
    await expect(groups.get(group.id, other)).rejects.toMatchObject({ code: 'group_not_found' });
    expect((await groups.get(group.id, member)).viewerRole).toBe('member');
    expect((await enrollments.members(group.id, member, { limit: 10 })).items).toEqual([
      { userId: member, displayName: 'Mo' },
    ]);
    await expect(enrollments.roster(group.id, member, { limit: 10 })).rejects.toMatchObject({
      code: 'facilitators_only',
    });
  });

  it('rethrows a database outage instead of answering "no such group"', async () => {
    const group = await openGroup();
    const repository = lib.get(GroupRepository);
    const findForPerson = repository.findForPerson;
    repository.findForPerson = () =>
      Promise.reject(Object.assign(new Error('Connection terminated unexpectedly'), {}));
    try {
      for (const call of [
        () => lib.get(GroupAccess).requireViewer(group.id, therapist),
        () => groups.get(group.id, therapist),
        () => enrollments.roster(group.id, therapist, { limit: 10 }),
      ]) {
        const error = await call().catch((e: unknown) => e);
        expect(error).not.toBeInstanceOf(NotFoundError);
        expect(error).toMatchObject({ message: 'Connection terminated unexpectedly' });
      }
    } finally {
      repository.findForPerson = findForPerson;
    }
  });
});
