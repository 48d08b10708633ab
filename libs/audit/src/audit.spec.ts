import {
  bootLibModule,
  type LibTestModule,
  seedOrganization,
} from '../../../test/support/lib-module.js';
import { ClinicalAudit } from './audit.service.js';
import { AuditModule } from './audit.module.js';

describe(ClinicalAudit.name, () => {
  let lib: LibTestModule;
  let audit: ClinicalAudit;
  let organizationId: string;
  let therapist: string;
  let member: string;
  let other: string;

  beforeAll(async () => {
    lib = await bootLibModule('clinical_audit', [AuditModule], {
      now: new Date('2027-03-01T12:00:00Z'),
    });
    audit = lib.get(ClinicalAudit);
    const org = await seedOrganization(lib.dataSource);
    organizationId = org.organizationId;
    therapist = await org.member('therapist', 'Thera');
    member = await org.member('participant', 'Mo');
    other = await org.member('participant', 'Ola');
  }, 60_000);

  afterAll(() => lib?.close());

  it('records who read what about whom, when, and lists it by person', async () => {
    await audit.record({
      organizationId,
      actorId: therapist,
      action: 'read',
      resourceType: 'attendance',
      resourceId: 'group-1',
      subjectUserIds: [member, other],
    });
    lib.clock.set(new Date('2027-03-01T12:05:00Z'));
    await audit.record({
      organizationId,
      actorId: therapist,
      action: 'export',
      resourceType: 'attendance',
      subjectUserIds: [member],
    });

    const all = await audit.list(organizationId, {}, { limit: 10 });
    expect(all.items).toHaveLength(3);
    const aboutMember = await audit.list(organizationId, { subjectUserId: member }, { limit: 1 });
    expect(aboutMember.items[0]).toMatchObject({
      actorId: therapist,
      action: 'read',
      resourceType: 'attendance',
      resourceId: 'group-1',
      subjectUserId: member,
      at: new Date('2027-03-01T12:00:00Z'),
    });
    const next = await audit.list(
      organizationId,
      { subjectUserId: member },
      { limit: 1, cursor: aboutMember.nextCursor },
    );
    expect(next.items.map((e) => e.action)).toEqual(['export']);
    expect(next.nextCursor).toBeUndefined();
  });

  it('is append-only in the database itself: UPDATE, DELETE and TRUNCATE are refused', async () => {
    await audit.record({
      organizationId,
      actorId: therapist,
      action: 'read',
      resourceType: 'roster',
    });
    for (const statement of [
      `UPDATE audit_log SET actor_id = '${member}'`,
      'DELETE FROM audit_log',
      'TRUNCATE audit_log',
    ]) {
      await expect(lib.dataSource.query(statement)).rejects.toThrow(/audit_log is append-only/);
    }
    expect((await audit.list(organizationId, {}, { limit: 50 })).items.length).toBeGreaterThan(0);
  });
});
