import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#common';
import {
  type Membership,
  ORGANIZATION_ROLES,
  OrganizationAccess,
  type OrganizationRole,
} from '#organizations';
import type { Resource } from './resource.entity.js';
import { type ResourceRow, ResourceRepository } from './resource.repository.js';

/**
 * Who curates the library: everyone who works in the organization (owners, admins, therapists,
 * peer supporters); participants only read it.
 */
export const RESOURCE_CURATOR_ROLES: readonly OrganizationRole[] = ORGANIZATION_ROLES.filter(
  (role) => role !== 'participant',
);

/** Every member of the organization reads its library. */
export const RESOURCE_READER_ROLES: readonly OrganizationRole[] = ORGANIZATION_ROLES;

export const mayCurate = (membership: Pick<Membership, 'role'>) =>
  RESOURCE_CURATOR_ROLES.includes(membership.role);

export const resourceNotFound = () => new NotFoundError('resource_not_found', 'No such resource');

/**
 * Who may read or change a resource: members of its organization read it, curators change it.
 * Anyone else gets the same 404 as for a resource that does not exist; a participant who tries to
 * change one gets 403.
 */
@Injectable()
export class ResourceAccess {
  constructor(
    private readonly resources: ResourceRepository,
    private readonly organizations: OrganizationAccess,
  ) {}

  async requireReader(
    resourceId: string,
    userId: string,
  ): Promise<{ resource: ResourceRow; membership: Membership }> {
    const resource = await this.resources.findById(resourceId);
    if (!resource) throw resourceNotFound();
    const membership = await this.organizations.requireRole(
      resource.organizationId,
      userId,
      RESOURCE_READER_ROLES,
      resourceNotFound,
    );
    return { resource, membership };
  }

  /** A curator of the resource's organization: a participant gets 403, anyone else 404. */
  async requireCurator(resourceId: string, userId: string): Promise<ResourceRow> {
    const resource = await this.resources.findById(resourceId);
    if (!resource) throw resourceNotFound();
    await this.requireCuratorOf(resource, userId);
    return resource;
  }

  /** The caller curates the organization's library; a participant gets 403, a stranger 404. */
  requireCuratorOf(
    resource: Pick<Resource, 'organizationId'>,
    userId: string,
    notFound: () => NotFoundError = resourceNotFound,
  ): Promise<Membership> {
    return this.organizations.requireRole(
      resource.organizationId,
      userId,
      RESOURCE_CURATOR_ROLES,
      notFound,
    );
  }
}
