import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ForbiddenError,
  InvalidInputError,
  mapPage,
  type Page,
  type PageRequest,
  isUuid,
} from '#common';
import { CurriculaService } from '#curricula';
import { GroupAccess, GroupRepository } from '#groups';
import type { Group } from '#groups';
import type { Membership } from '#organizations';
import { MembershipRepository, FACILITATOR_ROLES, MANAGER_ROLES } from '#organizations';
import { RemindersProducer, RoomsProducer } from '#queue';
import type { CreateGroupDto } from './dto/group.dto.js';
import type {
  GroupDetailView,
  GroupSummary,
  GroupView,
  SessionAgendaView,
} from './dto/group.view.js';
import { sessionNotFound } from './session-schedule.service.js';
import { SessionRepository } from './session.repository.js';
import { weeklySlots } from './weekly-schedule.js';

/** Opens groups: the group, its facilitators and one weekly session per module, in one go. */
@Injectable()
export class GroupSetupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly groups: GroupRepository,
    private readonly sessions: SessionRepository,
    private readonly curricula: CurriculaService,
    private readonly memberships: MembershipRepository,
    private readonly access: GroupAccess,
    private readonly rooms: RoomsProducer,
    private readonly reminders: RemindersProducer,
  ) {}

  async create(organizationId: string, actorId: string, input: CreateGroupDto): Promise<GroupView> {
    const version = await this.curricula.publishedVersionFor(
      organizationId,
      input.curriculumVersionId,
    );
    const leadId = input.leadFacilitatorId ?? actorId;
    const coFacilitatorIds = (input.coFacilitatorIds ?? []).filter((id) => id !== leadId);
    await this.assertFacilitators(organizationId, leadId, coFacilitatorIds);
    if (input.minSize !== undefined && input.minSize > input.capacity) {
      throw new InvalidInputError(
        'min_size_above_capacity',
        'minSize cannot exceed capacity',
        'minSize',
      );
    }
    const slots = weeklySlots(input, version.modules.length);
    const group = await this.dataSource.transaction(async (manager) => {
      const created = await this.groups.insert(
        manager,
        {
          organizationId,
          name: input.name,
          description: input.description ?? '',
          tags: input.tags ?? [],
          leadFacilitatorId: leadId,
          curriculumVersionId: version.id,
          capacity: input.capacity,
          minSize: input.minSize ?? 1,
          lobbyEnabled: input.lobbyEnabled,
          participantScreenShare: input.participantScreenShare ?? false,
          timezone: input.timezone,
          firstSessionDate: input.firstSessionDate,
          startTime: input.startTime,
          durationMinutes: input.durationMinutes,
        },
        coFacilitatorIds,
      );
      await this.sessions.insertMany(
        manager,
        slots.map((slot, index) => ({
          groupId: created.id,
          sequence: index + 1,
          moduleIndex: index,
          moduleTitle: version.modules[index].title,
          timezone: input.timezone,
          ...slot,
        })),
      );
      return created;
    });
    for (const session of await this.sessions.listForGroup(group.id)) {
      await this.rooms.plan(session);
    }
    await this.reminders.replan({ groupId: group.id, fresh: true });
    return this.view(group, coFacilitatorIds);
  }

  async get(groupId: string, actorId: string): Promise<GroupDetailView> {
    const { group, role } = await this.access.requireViewer(groupId, actorId);
    return { ...this.view(group, await this.groups.coFacilitatorIds(group.id)), viewerRole: role };
  }

  /** Managers see every group of the organization; therapists the ones they facilitate. */
  async list(membership: Membership, page: PageRequest): Promise<Page<GroupSummary>> {
    const onlyOf = MANAGER_ROLES.includes(membership.role) ? undefined : membership.userId;
    const rows = await this.groups.pageOfOrganization(membership.organizationId, onlyOf, page);
    return mapPage(rows, (row) => ({
      ...row,
      nextSessionAt: row.nextSessionAt && new Date(row.nextSessionAt).toISOString(),
    }));
  }

  /** The module a session follows, notes included: for the group's facilitators. */
  async agenda(sessionId: string, actorId: string): Promise<SessionAgendaView> {
    const session = isUuid(sessionId) ? await this.sessions.findById(sessionId) : null;
    if (!session) throw sessionNotFound();
    const { group, role } = await this.access.requireViewer(session.groupId, actorId).catch(() => {
      throw sessionNotFound();
    });
    if (role !== 'facilitator') {
      throw new ForbiddenError('facilitators_only', "Only the group's facilitators can do this");
    }
    const version = await this.curricula.publishedVersionFor(
      group.organizationId,
      group.curriculumVersionId,
    );
    return {
      sessionId: session.id,
      moduleIndex: session.moduleIndex,
      module: version.modules[session.moduleIndex] ?? version.modules[version.modules.length - 1],
    };
  }

  private async assertFacilitators(organizationId: string, leadId: string, coIds: string[]) {
    for (const [field, id] of [
      ['leadFacilitatorId', leadId] as const,
      ...coIds.map((id) => ['coFacilitatorIds', id] as const),
    ]) {
      const membership = await this.memberships.find(organizationId, id);
      if (!membership || !FACILITATOR_ROLES.includes(membership.role)) {
        throw new InvalidInputError(
          'not_a_facilitator',
          'Facilitators must be therapists, admins or owners of this organization',
          field,
        );
      }
    }
  }

  private view(group: Group, coFacilitatorIds: string[]): GroupView {
    return {
      id: group.id,
      organizationId: group.organizationId,
      name: group.name,
      description: group.description,
      tags: group.tags,
      leadFacilitatorId: group.leadFacilitatorId,
      coFacilitatorIds,
      curriculumVersionId: group.curriculumVersionId,
      capacity: group.capacity,
      minSize: group.minSize,
      lobbyEnabled: group.lobbyEnabled,
      participantScreenShare: group.participantScreenShare,
      timezone: group.timezone,
      firstSessionDate: group.firstSessionDate,
      startTime: group.startTime,
      durationMinutes: group.durationMinutes,
    };
  }
}
