import { Injectable } from '@nestjs/common';
import { Clock, ConflictError, InvalidInputError } from '#common';
import type { Page, PageRequest } from '#common';
import { CurriculumAccess } from './curriculum-access.js';
import type { CurriculumModule } from './curriculum-module.js';
import type { CurriculumVersion } from './curriculum-version.entity.js';
import type { Curriculum } from './curriculum.entity.js';
import { CurriculumRepository } from './curriculum.repository.js';
import type { CreateCurriculumDto, ModuleDto } from './dto/curriculum.dto.js';
import type {
  CurriculumSummary,
  CurriculumTemplateView,
  CurriculumVersionView,
  CurriculumView,
} from './dto/curriculum.view.js';
import { CURRICULUM_TEMPLATES, findTemplate } from './templates.js';

const toModule = (dto: ModuleDto): CurriculumModule => ({
  title: dto.title,
  goals: dto.goals ?? [],
  agenda: dto.agenda.map(({ title, minutes, facilitatorNotes }) =>
    facilitatorNotes ? { title, minutes, facilitatorNotes } : { title, minutes },
  ),
  materials: dto.materials ?? [],
  exercises: dto.exercises ?? [],
  homework: dto.homework ?? [],
});

/** Curricula and their versions; who may read or change one is CurriculumAccess's call. */
@Injectable()
export class CurriculaService {
  constructor(
    private readonly curricula: CurriculumRepository,
    private readonly access: CurriculumAccess,
    private readonly clock: Clock,
  ) {}

  templates(): CurriculumTemplateView[] {
    return CURRICULUM_TEMPLATES.map(({ key, title, approach, modules, sessionMinutes }) => ({
      key,
      title,
      approach,
      sessionCount: modules.length,
      sessionMinutes,
    }));
  }

  async create(
    organizationId: string,
    createdById: string,
    input: CreateCurriculumDto,
  ): Promise<CurriculumView> {
    if (input.templateKey !== undefined) {
      if (input.modules !== undefined) {
        throw new InvalidInputError(
          'template_or_modules',
          'Give either templateKey or modules, not both',
          'modules',
        );
      }
      const template = findTemplate(input.templateKey);
      if (!template) {
        throw new InvalidInputError(
          'unknown_template',
          'No such curriculum template',
          'templateKey',
        );
      }
      const created = await this.curricula.createPublished(
        {
          organizationId,
          title: input.title ?? template.title,
          description: input.description ?? template.description,
          approach: template.approach,
          templateKey: template.key,
          createdById,
        },
        template.modules,
        this.clock.now(),
      );
      return this.view(created);
    }
    const created = await this.curricula.createPublished(
      {
        organizationId,
        title: input.title!,
        description: input.description ?? '',
        approach: 'custom',
        templateKey: null,
        createdById,
      },
      input.modules!.map(toModule),
      this.clock.now(),
    );
    return this.view(created);
  }

  /** Summaries only: a list answering every module's text grew to megabytes (issue 10). */
  list(organizationId: string, page: PageRequest): Promise<Page<CurriculumSummary>> {
    return this.curricula.pageSummaries(organizationId, page);
  }

  async get(curriculumId: string, userId: string): Promise<CurriculumView> {
    return this.view((await this.access.requireReader(curriculumId, userId)).curriculum);
  }

  /** One version with its modules: a draft to carry on editing, or an earlier published one. */
  async getVersion(
    curriculumId: string,
    versionId: string,
    userId: string,
  ): Promise<CurriculumVersionView> {
    const { curriculum } = await this.access.requireReader(curriculumId, userId);
    return this.versionView(await this.access.versionOf(curriculum, versionId));
  }

  async addVersion(
    curriculumId: string,
    userId: string,
    modules: ModuleDto[],
  ): Promise<CurriculumVersionView> {
    const curriculum = await this.access.requireEditor(curriculumId, userId);
    const draft = await this.curricula.addDraft(curriculum.id, modules.map(toModule));
    return this.versionView(draft);
  }

  async updateDraft(
    curriculumId: string,
    versionId: string,
    userId: string,
    modules: ModuleDto[],
  ): Promise<CurriculumVersionView> {
    const version = await this.findVersionForEditor(curriculumId, versionId, userId);
    if (!(await this.curricula.updateDraft(version.id, modules.map(toModule)))) {
      throw new ConflictError(
        'version_published',
        'A published version is frozen; add a new version',
      );
    }
    return this.versionView((await this.curricula.findVersion(version.id))!);
  }

  async publish(
    curriculumId: string,
    versionId: string,
    userId: string,
  ): Promise<CurriculumVersionView> {
    const version = await this.findVersionForEditor(curriculumId, versionId, userId);
    if (!(await this.curricula.publish(version.id, this.clock.now()))) {
      throw new ConflictError('version_published', 'This version is already published');
    }
    return this.versionView((await this.curricula.findVersion(version.id))!);
  }

  /**
   * A published version of a curriculum of this organization, for a group to pin; anything else
   * (a draft, another organization's) is refused as if it did not exist.
   */
  async publishedVersionFor(organizationId: string, versionId: string): Promise<CurriculumVersion> {
    const version = await this.curricula.findVersion(versionId);
    const curriculum = version && (await this.curricula.findById(version.curriculumId));
    if (!version || curriculum?.organizationId !== organizationId) {
      throw new InvalidInputError(
        'curriculum_version_not_found',
        'No such curriculum version in this organization',
        'curriculumVersionId',
      );
    }
    if (version.status !== 'published') {
      throw new InvalidInputError(
        'curriculum_version_draft',
        'Publish this curriculum version before a group uses it',
        'curriculumVersionId',
      );
    }
    return version;
  }

  /** One module of a version as written (callers decide what each reader may see of it). */
  async moduleOf(versionId: string, index: number): Promise<CurriculumModule | null> {
    return (await this.curricula.findVersion(versionId))?.modules[index] ?? null;
  }

  private async findVersionForEditor(curriculumId: string, versionId: string, userId: string) {
    return this.access.versionOf(await this.access.requireEditor(curriculumId, userId), versionId);
  }

  private versionView(version: CurriculumVersion): CurriculumVersionView {
    const { id, version: number, status, publishedAt, modules } = version;
    return { id, version: number, status, publishedAt, modules };
  }

  private async view(curriculum: Curriculum): Promise<CurriculumView> {
    const versions = await this.curricula.listVersions(curriculum.id);
    const current = versions.filter((v) => v.status === 'published').at(-1) ?? null;
    return {
      id: curriculum.id,
      organizationId: curriculum.organizationId,
      title: curriculum.title,
      description: curriculum.description,
      approach: curriculum.approach,
      templateKey: curriculum.templateKey,
      createdById: curriculum.createdById,
      currentVersionId: current?.id ?? null,
      versions: versions.map(({ id, version, status, publishedAt }) => ({
        id,
        version,
        status,
        publishedAt,
      })),
      modules: current?.modules ?? [],
    };
  }
}
