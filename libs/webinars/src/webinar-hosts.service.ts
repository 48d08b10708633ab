import { Injectable } from '@nestjs/common';
import { InvalidInputError, NotFoundError } from '#common';
import { MembershipRepository, FACILITATOR_ROLES } from '#organizations';
import { type Credentials, WebinarAccess } from './webinar-access.service.js';
import type { HostRemoved, WebinarHostList, WebinarHostView } from './webinar.view.js';
import { WebinarRepository } from './webinar.repository.js';

/** Naming and removing a webinar's hosts: an owner/admin of its organization only. */
@Injectable()
export class WebinarHostsService {
  constructor(
    private readonly access: WebinarAccess,
    private readonly memberships: MembershipRepository,
    private readonly webinars: WebinarRepository,
  ) {}

  /** Hosts (and managers) see who else hosts. */
  async list(webinarId: string, credentials: Credentials): Promise<WebinarHostList> {
    const { webinar } = await this.access.host(webinarId, credentials);
    return { items: await this.webinars.hosts(webinar.id) };
  }

  /** `userId` comes from the body, a UUID checked by its DTO. */
  async add(webinarId: string, actorId: string, userId: string): Promise<WebinarHostView> {
    const webinar = await this.access.manager(webinarId, actorId);
    const membership = await this.memberships.find(webinar.organizationId, userId);
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
    await this.webinars.addHost(webinar.id, userId);
    return (await this.webinars.hosts(webinar.id)).find((host) => host.userId === userId)!;
  }

  async remove(webinarId: string, actorId: string, userId: string): Promise<HostRemoved> {
    const webinar = await this.access.manager(webinarId, actorId);
    if (!(await this.webinars.removeHost(webinar.id, userId))) {
      throw new NotFoundError('host_not_found', 'This person does not host this webinar');
    }
    return { userId };
  }
}
