import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError } from '#common';
import {
  FACILITATOR_ROLES,
  MANAGER_ROLES,
  type Membership,
  OrganizationAccess,
} from '#organizations';
import type { CurriculumVersion } from './curriculum-version.entity.js';
import type { Curriculum } from './curriculum.entity.js';
import { CurriculumRepository } from './curriculum.repository.js';

export interface CurriculumReader {
  curriculum: Curriculum;
  membership: Membership;
}

/**
 * Who may read or change a curriculum. Curricula are facilitators' material (agendas carry
 * facilitator notes): the organization's staff read them; anyone else gets the same 404 as for
 * a curriculum that does not exist. Changing one is for its author and the organization's
 * owners/admins. A failed read propagates as it is (a 503 from the api), never a 404.
 */
@Injectable()
export class CurriculumAccess {
  constructor(
    private readonly curricula: CurriculumRepository,
    private readonly organizations: OrganizationAccess,
  ) {}

  async requireReader(curriculumId: string, userId: string): Promise<CurriculumReader> {
    const curriculum = await this.curricula.findById(curriculumId);
    if (!curriculum) throw curriculumNotFound();
    const membership = await this.organizations.requireRole(
      curriculum.organizationId,
      userId,
      FACILITATOR_ROLES,
      curriculumNotFound,
    );
    return { curriculum, membership };
  }

  async requireEditor(curriculumId: string, userId: string): Promise<Curriculum> {
    const { curriculum, membership } = await this.requireReader(curriculumId, userId);
    if (curriculum.createdById !== userId && !MANAGER_ROLES.includes(membership.role)) {
      throw new ForbiddenError(
        'not_curriculum_owner',
        'Only its author or an owner/admin can change this curriculum',
      );
    }
    return curriculum;
  }

  /** One version of a curriculum the caller may already read (or change). */
  async versionOf(curriculum: Curriculum, versionId: string): Promise<CurriculumVersion> {
    const version = await this.curricula.findVersion(versionId);
    if (!version || version.curriculumId !== curriculum.id) {
      throw new NotFoundError('curriculum_version_not_found', 'No such curriculum version');
    }
    return version;
  }
}

export const curriculumNotFound = () =>
  new NotFoundError('curriculum_not_found', 'No such curriculum');
