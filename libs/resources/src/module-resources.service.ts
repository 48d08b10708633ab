import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#common';
import { Transactions } from '#database';
import { SessionAccess } from '#sessions';
import type { ModuleResourceList, SessionResourceList } from './dto/resource.view.js';
import { ResourceAccess } from './resource-access.js';
import { ResourceRepository } from './resource.repository.js';
import { summaryView } from './resources.service.js';

const curriculumNotFound = () => new NotFoundError('curriculum_not_found', 'No such curriculum');
const moduleNotFound = () =>
  new NotFoundError('module_not_found', 'The curriculum has no module at that index');

/**
 * Resources attached to a curriculum's modules. A module is its curriculum and 0-based index
 * (see ModuleResource): curators of the curriculum's organization choose the list; the group's
 * members and facilitators read it through their session.
 */
@Injectable()
export class ModuleResourcesService {
  constructor(
    private readonly resources: ResourceRepository,
    private readonly access: ResourceAccess,
    private readonly sessions: SessionAccess,
    private readonly transactions: Transactions,
  ) {}

  /** The module's resources; the organization's curators (participants 403, others 404). */
  async forModule(
    curriculumId: string,
    index: number,
    userId: string,
  ): Promise<ModuleResourceList> {
    await this.requireModule(curriculumId, index, userId);
    return this.list(curriculumId, index);
  }

  /**
   * Replaces the module's resources with `resourceIds`, in that order. Every one must be in the
   * curriculum's organization: another organization's resource is a 404, as if it did not exist.
   */
  async attach(
    curriculumId: string,
    index: number,
    resourceIds: string[],
    userId: string,
  ): Promise<ModuleResourceList> {
    const organizationId = await this.requireModule(curriculumId, index, userId);
    await this.transactions.run(async (tx) => {
      await this.resources.lockCurriculum(curriculumId, tx);
      const known = await this.resources.idsInOrganization(organizationId, resourceIds, tx);
      const missing = resourceIds.find((id) => !known.has(id));
      if (missing) {
        throw new NotFoundError('resource_not_found', `No such resource: ${missing}`);
      }
      await this.resources.replaceModuleResources(curriculumId, index, resourceIds, tx);
    });
    return this.list(curriculumId, index);
  }

  /** The module's resources as they are now; the caller's access was checked. */
  private async list(curriculumId: string, index: number): Promise<ModuleResourceList> {
    const rows = await this.resources.moduleResources(curriculumId, index);
    return { curriculumId, index, items: rows.map(summaryView) };
  }

  /** The resources of the session's module, for the people of its group (others 404). */
  async forSession(sessionId: string, userId: string): Promise<SessionResourceList> {
    const { session } = await this.sessions.requireViewer(sessionId, userId);
    const rows = await this.resources.sessionResources(session.id);
    return { sessionId: session.id, items: rows.map(summaryView) };
  }

  /** The curriculum's organization, once the caller is known to curate it and the module exists. */
  private async requireModule(curriculumId: string, index: number, userId: string) {
    const curriculum = await this.resources.curriculumModules(curriculumId);
    if (!curriculum) throw curriculumNotFound();
    await this.access.requireCuratorOf(curriculum, userId, curriculumNotFound);
    if (index >= curriculum.moduleCount) throw moduleNotFound();
    return curriculum.organizationId;
  }
}
