import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { UpdateOrganizationDto } from './dto/organization.dto.js';
import { OrganizationView } from './dto/organization.view.js';
import { OrganizationEvent, type ReminderOffsetsChanged } from './organization.events.js';
import type { Organization } from './organization.entity.js';
import { OrganizationRepository } from './organization.repository.js';

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly events: EventEmitter2,
  ) {}

  async create(name: string, ownerId: string): Promise<OrganizationView> {
    return this.view(await this.organizations.createWithOwner(name, ownerId));
  }

  async get(id: string): Promise<OrganizationView> {
    const organization = await this.organizations.findById(id);
    if (!organization) throw new NotFoundError('organization_not_found', 'No such organization');
    return this.view(organization);
  }

  async update(id: string, changes: UpdateOrganizationDto): Promise<OrganizationView> {
    const updated = await this.organizations.update(id, changes);
    // New offsets apply to every group's coming sessions.
    if (changes.reminderOffsetsMinutes) {
      await this.events.emitAsync(OrganizationEvent.ReminderOffsetsChanged, {
        organizationId: id,
      } satisfies ReminderOffsetsChanged);
    }
    return this.view(updated);
  }

  private async view(organization: Organization): Promise<OrganizationView> {
    const agreement = await this.organizations.currentAgreement(organization.id);
    return {
      id: organization.id,
      name: organization.name,
      timezone: organization.timezone,
      reminderOffsetsMinutes: organization.reminderOffsetsMinutes,
      clinicalRetentionDays: organization.clinicalRetentionDays,
      groupAgreement: agreement && { version: agreement.version, text: agreement.text },
    };
  }
}
