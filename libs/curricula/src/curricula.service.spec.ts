import { NotFoundError } from '#common';
import { OrganizationsModule } from '#organizations';
import {
  bootLibModule,
  type LibTestModule,
  seedOrganization,
} from '../../../test/support/lib-module.js';
import { CurriculaModule } from './curricula.module.js';
import { CurriculaService } from './curricula.service.js';
import { CurriculumAccess } from './curriculum-access.js';
import { CurriculumRepository } from './curriculum.repository.js';

const module = (title: string) => ({ title, agenda: [{ title: 'Check-in', minutes: 90 }] });

describe(CurriculaService.name, () => {
  let lib: LibTestModule;
  let curricula: CurriculaService;
  let org: Awaited<ReturnType<typeof seedOrganization>>;
  let author: string;

  beforeAll(async () => {
    lib = await bootLibModule('curricula_service', [CurriculaModule, OrganizationsModule], {
      now: new Date('2026-02-01T08:00:00Z'),
    });
    curricula = lib.get(CurriculaService);
    org = await seedOrganization(lib.dataSource);
    author = await org.member('therapist', 'Author');
  }, 60_000);

  afterAll(() => lib?.close());

  it('publishes a template at once, stamped with the clock', async () => {
    const created = await curricula.create(org.organizationId, author, { templateKey: 'mbct-8' });
    expect(created.modules).toHaveLength(8);
    expect(created.versions).toEqual([
      expect.objectContaining({
        version: 1,
        status: 'published',
        publishedAt: new Date('2026-02-01T08:00:00Z'),
      }),
    ]);
  });

  it('lets the author draft and publish a new version; others of the staff only read', async () => {
    const created = await curricula.create(org.organizationId, author, {
      title: 'Sleep group',
      modules: [module('Sleep hygiene')],
    });
    const colleague = await org.member('therapist', 'Colleague');
    const admin = await org.member('admin', 'Admin');
    expect((await curricula.get(created.id, colleague)).title).toBe('Sleep group');
    await expect(
      curricula.addVersion(created.id, colleague, [module('Mine now')]),
    ).rejects.toMatchObject({ code: 'not_curriculum_owner' });

    const draft = await curricula.addVersion(created.id, author, [module('Wind-down')]);
    expect(draft).toMatchObject({ version: 2, status: 'draft', publishedAt: null });
    lib.clock.advance(3_600_000);
    const published = await curricula.publish(created.id, draft.id, admin);
    expect(published.publishedAt).toEqual(new Date('2026-02-01T09:00:00Z'));
    await expect(curricula.publish(created.id, draft.id, author)).rejects.toMatchObject({
      code: 'version_published',
    });
  });

  it('answers "no such curriculum" to other organizations, and 403 to participants', async () => {
    const created = await curricula.create(org.organizationId, author, { templateKey: 'mbct-8' });
    const participant = await org.member('participant', 'Pat');
    const elsewhere = await (await seedOrganization(lib.dataSource, 'Other')).member('owner', 'O');
    await expect(curricula.get(created.id, elsewhere)).rejects.toMatchObject({
      code: 'curriculum_not_found',
    });
    await expect(curricula.get(created.id, participant)).rejects.toMatchObject({
      code: 'insufficient_role',
    });
    await expect(
      curricula.getVersion(created.id, '00000000-0000-4000-8000-000000000000', author),
    ).rejects.toMatchObject({ code: 'curriculum_version_not_found' });
  });

  it('rethrows a database outage instead of answering "no such curriculum"', async () => {
    const created = await curricula.create(org.organizationId, author, { templateKey: 'mbct-8' });
    const repository = lib.get(CurriculumRepository);
    const findById = repository.findById;
    repository.findById = () =>
      Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    try {
      for (const call of [
        () => lib.get(CurriculumAccess).requireReader(created.id, author),
        () => curricula.get(created.id, author),
      ]) {
        const error = await call().catch((e: unknown) => e);
        expect(error).not.toBeInstanceOf(NotFoundError);
        expect(error).toMatchObject({ code: 'ECONNREFUSED' });
      }
    } finally {
      repository.findById = findById;
    }
  });
});
