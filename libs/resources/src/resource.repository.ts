import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Page, PageRequest } from '#common';
import { pageOfRaw, type Tx } from '#database';
import { ModuleResource } from './module-resource.entity.js';
import { Resource, type ResourceKind } from './resource.entity.js';

/** How much of a text a list shows. */
export const EXCERPT_LENGTH = 240;

/** A resource as a list shows it (no whole text). */
export interface ResourceSummaryRow {
  id: string;
  title: string;
  kind: ResourceKind;
  url: string | null;
  excerpt: string;
  hasBody: boolean;
  tags: string[];
  language: string;
  updatedAt: Date;
}

/** A resource with the aliases of who wrote and last changed it. */
export interface ResourceRow extends Resource {
  createdByName: string | null;
  updatedByName: string | null;
}

export interface ResourceFilter {
  tag?: string;
  language?: string;
  kind?: ResourceKind;
  q?: string;
}

/** A curriculum's organization and the most modules any of its versions has. */
export interface CurriculumModules {
  organizationId: string;
  moduleCount: number;
}

export type NewResource = Omit<Resource, 'id'>;
export type ResourceChanges = Partial<
  Pick<Resource, 'title' | 'kind' | 'url' | 'body' | 'tags' | 'language'>
> &
  Pick<Resource, 'updatedById' | 'updatedAt'>;

/** `r`'s summary columns, for a raw select. */
const SUMMARY_COLUMNS = [
  'r.id AS "id"',
  'r.title AS "title"',
  'r.kind AS "kind"',
  'r.url AS "url"',
  `COALESCE(left(r.body, ${EXCERPT_LENGTH}), '') AS "excerpt"`,
  'r.body IS NOT NULL AS "hasBody"',
  'r.tags AS "tags"',
  'r.language AS "language"',
  'r.updated_at AS "updatedAt"',
];

/** `%`, `_` and `\` match only themselves in a LIKE pattern. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The organization's library and the resources attached to curriculum modules. */
@Injectable()
export class ResourceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(resource: NewResource): Promise<string> {
    const result = await this.dataSource.getRepository(Resource).insert(resource);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** The resource with its editors' aliases; null when there is none by that id. */
  async findById(id: string): Promise<ResourceRow | null> {
    const row = await this.dataSource
      .getRepository(Resource)
      .createQueryBuilder('r')
      .leftJoin('users', 'cu', 'cu.id = r.created_by_id')
      .leftJoin('users', 'uu', 'uu.id = r.updated_by_id')
      .addSelect('cu.display_name', 'created_by_name')
      .addSelect('uu.display_name', 'updated_by_name')
      .where('r.id = :id', { id })
      .getRawAndEntities();
    const [resource] = row.entities;
    if (!resource) return null;
    const raw = row.raw[0] as { created_by_name: string | null; updated_by_name: string | null };
    return Object.assign(resource, {
      createdByName: raw.created_by_name,
      updatedByName: raw.updated_by_name,
    });
  }

  /** The resource, locked until `tx` ends: concurrent changes apply one after the other. */
  lock(id: string, tx: Tx): Promise<Resource | null> {
    return tx
      .getRepository(Resource)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
  }

  async update(id: string, changes: ResourceChanges, tx: Tx): Promise<void> {
    await tx.getRepository(Resource).update({ id }, changes);
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.getRepository(Resource).delete({ id });
  }

  /** The organization's resources matching `filter`, newest first. */
  page(organizationId: string, filter: ResourceFilter, page: PageRequest) {
    const query = this.dataSource
      .getRepository(Resource)
      .createQueryBuilder('r')
      .select(SUMMARY_COLUMNS)
      .where('r.organization_id = :organizationId', { organizationId });
    if (filter.tag) query.andWhere('r.tags @> ARRAY[:tag]::text[]', { tag: filter.tag });
    if (filter.language) query.andWhere('r.language = :language', { language: filter.language });
    if (filter.kind) query.andWhere('r.kind = :kind', { kind: filter.kind });
    if (filter.q) {
      query.andWhere(
        `(r.title ILIKE :pattern OR r.body ILIKE :pattern
          OR array_to_string(r.tags, ' ') ILIKE :pattern)`,
        { pattern: `%${likeEscaped(filter.q)}%` },
      );
    }
    return pageOfRaw<ResourceSummaryRow>(
      query,
      [
        { expression: 'r.created_at', type: 'timestamp', order: 'DESC' },
        { expression: 'r.id', type: 'uuid', order: 'DESC' },
      ],
      page,
    ) as Promise<Page<ResourceSummaryRow>>;
  }

  /** The curriculum's organization and module count; null when there is no such curriculum. */
  async curriculumModules(curriculumId: string): Promise<CurriculumModules | null> {
    const [row] = await this.dataSource.query<CurriculumModules[]>(
      `SELECT c.organization_id AS "organizationId",
         COALESCE((SELECT max(jsonb_array_length(v.modules)) FROM curriculum_versions v
           WHERE v.curriculum_id = c.id), 0)::int AS "moduleCount"
       FROM curricula c WHERE c.id = $1`,
      [curriculumId],
    );
    return row ?? null;
  }

  /**
   * Which of `ids` are resources of the organization, kept until `tx` ends: a resource deleted
   * meanwhile waits for the attachment (then takes it away) instead of failing its foreign key.
   */
  async idsInOrganization(organizationId: string, ids: string[], tx: Tx): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await tx.query<{ id: string }[]>(
      `SELECT id FROM resources WHERE organization_id = $1 AND id = ANY($2::uuid[]) FOR SHARE`,
      [organizationId, ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Replaces the module's resources with `ids`, in that order. */
  async replaceModuleResources(
    curriculumId: string,
    moduleIndex: number,
    ids: string[],
    tx: Tx,
  ): Promise<void> {
    const table = tx.getRepository(ModuleResource);
    await table.delete({ curriculumId, moduleIndex });
    if (ids.length === 0) return;
    await table.insert(
      ids.map((resourceId, position) => ({ curriculumId, moduleIndex, resourceId, position })),
    );
  }

  /** Locks the curriculum's row so two replacements of one module's list never interleave. */
  async lockCurriculum(curriculumId: string, tx: Tx): Promise<void> {
    await tx.query(`SELECT 1 FROM curricula WHERE id = $1 FOR UPDATE`, [curriculumId]);
  }

  /** The module's resources in order. */
  moduleResources(curriculumId: string, moduleIndex: number): Promise<ResourceSummaryRow[]> {
    return this.dataSource
      .getRepository(Resource)
      .createQueryBuilder('r')
      .select(SUMMARY_COLUMNS)
      .innerJoin(ModuleResource, 'm', 'm.resource_id = r.id')
      .where('m.curriculum_id = :curriculumId AND m.module_index = :moduleIndex', {
        curriculumId,
        moduleIndex,
      })
      .orderBy('m.position', 'ASC')
      .getRawMany<ResourceSummaryRow>();
  }

  /**
   * The resources of the session's module: its group's curriculum (any version) at the session's
   * module index, kept to the group's organization. None for a session without a module (a
   * support or drop-in meeting).
   */
  sessionResources(sessionId: string): Promise<ResourceSummaryRow[]> {
    return this.dataSource
      .getRepository(Resource)
      .createQueryBuilder('r')
      .select(SUMMARY_COLUMNS)
      .innerJoin(ModuleResource, 'm', 'm.resource_id = r.id')
      .innerJoin('curriculum_versions', 'cv', 'cv.curriculum_id = m.curriculum_id')
      .innerJoin('groups', 'g', 'g.curriculum_version_id = cv.id')
      .innerJoin('sessions', 's', 's.group_id = g.id AND s.module_index = m.module_index')
      .where('s.id = :sessionId AND r.organization_id = g.organization_id', { sessionId })
      .orderBy('m.position', 'ASC')
      .getRawMany<ResourceSummaryRow>();
  }
}
