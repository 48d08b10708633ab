import { Injectable } from '@nestjs/common';
import { Clock, InvalidInputError, mapPage, type Page, type PageRequest } from '#common';
import { CurriculaService, type CurriculumVersion } from '#curricula';
import type { Tx } from '#database';
import type { Membership } from '#organizations';
import {
  FACILITATOR_ROLES,
  GROUP_LEADER_ROLES,
  MANAGER_ROLES,
  MembershipRepository,
} from '#organizations';
import type { CreateGroupDto } from './dto/group.dto.js';
import type { GroupDetailView, GroupSummary, GroupView } from './dto/group.view.js';
import { GroupAccess } from './group-access.service.js';
import type { Group, GroupKind } from './group.entity.js';
import { GroupRepository, type NewGroup } from './group.repository.js';

/**
 * A new group, checked and ready to insert, with the published version it pins (null for a
 * group without a curriculum).
 */
export interface PreparedGroup {
  row: NewGroup;
  coFacilitatorIds: string[];
  version: CurriculumVersion | null;
}

/**
 * Groups themselves: checking and inserting a new one, reading one, listing an organization's.
 * Opening a group with its weekly sessions is `GroupSetupService` in #sessions, which owns
 * sessions and calls this (groups never import sessions).
 */
@Injectable()
export class GroupService {
  constructor(
    private readonly groups: GroupRepository,
    private readonly access: GroupAccess,
    private readonly curricula: CurriculaService,
    private readonly memberships: MembershipRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks the input: a published version for a curriculum group and none otherwise,
   * facilitators of this organization who may lead this kind of group, sizes.
   */
  async prepare(
    organizationId: string,
    actorId: string,
    input: CreateGroupDto,
  ): Promise<PreparedGroup> {
    const kind = input.kind ?? 'curriculum';
    const version = await this.versionFor(organizationId, kind, input.curriculumVersionId);
    const leadId = input.leadFacilitatorId ?? actorId;
    const coFacilitatorIds = (input.coFacilitatorIds ?? []).filter((id) => id !== leadId);
    await this.assertFacilitators(organizationId, kind, leadId, coFacilitatorIds);
    if (input.minSize !== undefined && input.minSize > input.capacity) {
      throw new InvalidInputError(
        'min_size_above_capacity',
        'minSize cannot exceed capacity',
        'minSize',
      );
    }
    const row: NewGroup = {
      organizationId,
      name: input.name,
      description: input.description ?? '',
      tags: input.tags ?? [],
      kind,
      language: input.language ?? 'en',
      leadFacilitatorId: leadId,
      curriculumVersionId: version?.id ?? null,
      endedAt: null,
      capacity: input.capacity,
      minSize: input.minSize ?? 1,
      lobbyEnabled: input.lobbyEnabled,
      participantScreenShare: input.participantScreenShare ?? false,
      timezone: input.timezone,
      firstSessionDate: input.firstSessionDate,
      startTime: input.startTime,
      durationMinutes: input.durationMinutes,
    };
    return { row, coFacilitatorIds, version };
  }

  /** Inserts a prepared group, inside the caller's transaction. */
  insert({ row, coFacilitatorIds }: PreparedGroup, tx: Tx): Promise<Group> {
    return this.groups.insert(row, coFacilitatorIds, tx);
  }

  async get(groupId: string, actorId: string): Promise<GroupDetailView> {
    const { group, role, clinician } = await this.access.requireViewer(groupId, actorId);
    return {
      ...this.view(group, await this.groups.coFacilitatorIds(group.id)),
      viewerRole: role,
      clinician,
    };
  }

  /** Managers see every group of the organization; therapists the ones they facilitate. */
  async list(membership: Membership, page: PageRequest): Promise<Page<GroupSummary>> {
    const onlyOf = MANAGER_ROLES.includes(membership.role) ? undefined : membership.userId;
    const rows = await this.groups.pageOfOrganization(
      membership.organizationId,
      onlyOf,
      this.clock.now(),
      page,
    );
    return mapPage(rows, (row) => ({
      ...row,
      nextSessionAt: row.nextSessionAt && new Date(row.nextSessionAt).toISOString(),
    }));
  }

  view(group: Group, coFacilitatorIds: string[]): GroupView {
    return {
      id: group.id,
      organizationId: group.organizationId,
      name: group.name,
      description: group.description,
      tags: group.tags,
      kind: group.kind,
      language: group.language,
      leadFacilitatorId: group.leadFacilitatorId,
      coFacilitatorIds,
      curriculumVersionId: group.curriculumVersionId,
      endedAt: group.endedAt?.toISOString() ?? null,
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

  /** The published version a curriculum group pins; a group of another kind has none. */
  private async versionFor(
    organizationId: string,
    kind: GroupKind,
    versionId: string | undefined,
  ): Promise<CurriculumVersion | null> {
    if (kind !== 'curriculum') {
      if (versionId !== undefined) {
        throw new InvalidInputError(
          'curriculum_not_allowed',
          `A ${kind} group has no curriculum`,
          'curriculumVersionId',
        );
      }
      return null;
    }
    if (versionId === undefined) {
      throw new InvalidInputError(
        'curriculum_version_required',
        'A curriculum group needs a published curriculum version',
        'curriculumVersionId',
      );
    }
    return this.curricula.publishedVersionFor(organizationId, versionId);
  }

  /**
   * Facilitators are clinical staff of this organization; a peer supporter may lead or
   * co-facilitate only a group without a curriculum.
   */
  private async assertFacilitators(
    organizationId: string,
    kind: GroupKind,
    leadId: string,
    coIds: string[],
  ) {
    for (const [field, id] of [
      ['leadFacilitatorId', leadId] as const,
      ...coIds.map((id) => ['coFacilitatorIds', id] as const),
    ]) {
      const membership = await this.memberships.find(organizationId, id);
      if (!membership || !GROUP_LEADER_ROLES.includes(membership.role)) {
        throw new InvalidInputError(
          'not_a_facilitator',
          'Facilitators must be therapists, peer supporters, admins or owners of this organization',
          field,
        );
      }
      if (kind === 'curriculum' && !FACILITATOR_ROLES.includes(membership.role)) {
        throw new InvalidInputError(
          'peer_supporter_curriculum_group',
          'A peer supporter leads support and drop-in groups, not a curriculum group',
          field,
        );
      }
    }
  }
}
