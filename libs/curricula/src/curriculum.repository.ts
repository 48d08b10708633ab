import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Page, PageRequest } from '#common';
import { pageOfRaw, Transactions, type Tx } from '#database';
import type { CurriculumModule } from './curriculum-module.js';
import { CurriculumVersion } from './curriculum-version.entity.js';
import { Curriculum } from './curriculum.entity.js';
import type { CurriculumSummary } from './dto/curriculum.view.js';

/** A scalar of the newest version of `c` (published ones only when `published`). */
const newest = (column: string, published: boolean) =>
  `(SELECT ${column} FROM curriculum_versions v WHERE v.curriculum_id = c.id` +
  `${published ? " AND v.status = 'published'" : ''} ORDER BY v.version DESC LIMIT 1)`;

@Injectable()
export class CurriculumRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  findById(id: string): Promise<Curriculum | null> {
    return this.dataSource.getRepository(Curriculum).findOneBy({ id });
  }

  /** The organization's curricula, oldest first, as summaries read without loading modules. */
  async pageSummaries(organizationId: string, page: PageRequest): Promise<Page<CurriculumSummary>> {
    const query = this.dataSource
      .getRepository(Curriculum)
      .createQueryBuilder('c')
      .select([
        'c.id AS "id"',
        'c.title AS "title"',
        'c.approach AS "approach"',
        'c.template_key AS "templateKey"',
        'c.created_at AS "createdAt"',
        `${newest('v.id', true)} AS "currentVersionId"`,
        `${newest('v.version', true)} AS "currentVersion"`,
        `COALESCE(${newest('jsonb_array_length(v.modules)', true)}, 0) AS "moduleCount"`,
        `${newest('v.version', false)} AS "latestVersion"`,
        `${newest('v.status', false)} AS "status"`,
      ])
      .where('c.organization_id = :organizationId', { organizationId });
    return pageOfRaw<CurriculumSummary>(
      query,
      [
        { expression: 'c.created_at', type: 'timestamp' },
        { expression: 'c.id', type: 'uuid' },
      ],
      page,
    );
  }

  findVersion(id: string): Promise<CurriculumVersion | null> {
    return this.dataSource.getRepository(CurriculumVersion).findOneBy({ id });
  }

  listVersions(curriculumId: string): Promise<CurriculumVersion[]> {
    return this.dataSource
      .getRepository(CurriculumVersion)
      .find({ where: { curriculumId }, order: { version: 'ASC' } });
  }

  /** Creates the curriculum with its first version, published. */
  createPublished(
    curriculum: Pick<
      Curriculum,
      'organizationId' | 'title' | 'description' | 'approach' | 'templateKey' | 'createdById'
    >,
    modules: CurriculumModule[],
    publishedAt: Date,
  ): Promise<Curriculum> {
    return this.transactions.run(async (tx) => {
      const created = await tx.save(tx.create(Curriculum, curriculum));
      await tx.insert(CurriculumVersion, {
        curriculumId: created.id,
        version: 1,
        status: 'published',
        modules,
        publishedAt,
      });
      return created;
    });
  }

  /** Adds a draft version after the newest one; the curriculum row is locked so numbers never collide. */
  addDraft(curriculumId: string, modules: CurriculumModule[]): Promise<CurriculumVersion> {
    return this.transactions.run(async (tx) => {
      await this.lock(tx, curriculumId);
      const latest = await tx.findOne(CurriculumVersion, {
        where: { curriculumId },
        order: { version: 'DESC' },
      });
      return tx.save(
        tx.create(CurriculumVersion, {
          curriculumId,
          version: (latest?.version ?? 0) + 1,
          status: 'draft',
          modules,
          publishedAt: null,
        }),
      );
    });
  }

  /** Replaces a draft's modules; answers false when the version is no longer a draft. */
  async updateDraft(id: string, modules: CurriculumModule[]): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(CurriculumVersion)
      .update({ id, status: 'draft' }, { modules });
    return result.affected === 1;
  }

  /** Freezes a draft; answers false when it was not a draft. */
  async publish(id: string, at: Date): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(CurriculumVersion)
      .update({ id, status: 'draft' }, { status: 'published', publishedAt: at });
    return result.affected === 1;
  }

  private async lock(tx: Tx, curriculumId: string): Promise<void> {
    await tx.findOne(Curriculum, {
      where: { id: curriculumId },
      lock: { mode: 'pessimistic_write' },
    });
  }
}
