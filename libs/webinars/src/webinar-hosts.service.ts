import { Injectable } from '@nestjs/common';
import { InvalidInputError, NotFoundError, isUuid } from '#common';
import {
  MembershipRepository,
  OrganizationAccess,
  FACILITATOR_ROLES,
  MANAGER_ROLES,
} from '#organizations';
import { type Credentials, WebinarAccess } from './webinar-access.service.js';
import { WebinarHostRepository } from './webinar-host.repository.js';
import type { HostRemoved, WebinarHostList, WebinarHostView } from './webinar.view.js';

/** Naming and removing a webinar's hosts: an owner/admin of its organization only. */
@Injectable()
export class WebinarHostsService {
  constructor(
    private readonly access: WebinarAccess,
    private readonly organizations: OrganizationAccess,
    private readonly memberships: MembershipRepository,
    private readonly hosts: WebinarHostRepository,
  ) {}

  /** Hosts (and managers) see who else hosts. */
  async list(webinarId: string, credentials: Credentials): Promise<WebinarHostList> {
    const { webinar } = await this.access.host(webinarId, credentials);
    return { items: await this.hosts.list(webinar.id) };
  }

  async add(webinarId: string, actorId: string, userId: string): Promise<WebinarHostView> {
    const webinar = await this.managedWebinar(webinarId, actorId);
    const membership = isUuid(userId)
      ? await this.memberships.find(webinar.organizationId, userId)
      : null;
    if (!membership) {
      throw new NotFoundError('member_not_found', 'No such member of this organization');
    }
    if (!FACILITATOR_ROLES.includes(membership.role)) {
      throw new InvalidInputError(
        'host_not_staff',
        'Only owners, admins and therapists can host a webinar',
        'userId',
      );
    }
    await this.hosts.add(webinar.id, userId);
    return (await this.hosts.list(webinar.id)).find((host) => host.userId === userId)!;
  }

  async remove(webinarId: string, actorId: string, userId: string): Promise<HostRemoved> {
    const webinar = await this.managedWebinar(webinarId, actorId);
    if (!isUuid(userId) || !(await this.hosts.remove(webinar.id, userId))) {
      throw new NotFoundError('host_not_found', 'This person does not host this webinar');
    }
    return { userId };
  }

  private async managedWebinar(webinarId: string, actorId: string) {
    const webinar = await this.access.webinar(webinarId);
    await this.organizations.requireRole(
      webinar.organizationId,
      actorId,
      MANAGER_ROLES,
      () => new NotFoundError('webinar_not_found', 'No such webinar'),
    );
    return webinar;
  }
}
