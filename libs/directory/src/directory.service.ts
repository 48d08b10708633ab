import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { MeasuresService } from '#clinical';
import { Clock, NotFoundError } from '#common';
import { GroupAccess } from '#groups';
import { OrganizationsService } from '#organizations';
import type { UpdateListingDto } from './dto/directory.dto.js';
import type {
  DirectoryGroupDetailView,
  DirectoryGroupView,
  DirectoryView,
  GroupListingView,
} from './dto/directory.view.js';
import { DirectoryRepository, type ListedGroupRow } from './directory.repository.js';
import type { GroupListing } from './group-listing.entity.js';
import { screeningQuestions } from './screening.js';

export const listingNotFound = () =>
  new NotFoundError('listing_not_found', 'No such group open to requests');

/** What a visitor may know of a listed group: no member, no facilitator, only seats left. */
function groupView(row: ListedGroupRow): DirectoryGroupView {
  const seatsLeft = Math.max(0, row.capacity - row.seatsTaken);
  const first = row.nextSessions[0];
  const weekday = (
    first
      ? DateTime.fromJSDate(first, { zone: row.timezone })
      : DateTime.fromISO(row.firstSessionDate, { zone: row.timezone })
  ).weekday;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    tags: row.tags,
    kind: row.kind,
    language: row.language,
    schedule: {
      timezone: row.timezone,
      weekday,
      startTime: row.startTime,
      durationMinutes: row.durationMinutes,
      nextSessions: row.nextSessions,
      // Support and drop-in groups are scheduled a few weeks ahead at a time and go on until
      // ended: what is scheduled now is not how many meetings are left.
      openEnded: row.kind !== 'curriculum',
      sessionsLeft: row.kind === 'curriculum' ? row.sessionsToCome : null,
    },
    seatsLeft,
    full: seatsLeft === 0,
    screening: row.screening,
  };
}

/** A group's listing; a group never listed is closed to requests. */
function listingView(groupId: string, listing: GroupListing | null): GroupListingView {
  return {
    groupId,
    openToRequests: listing?.openToRequests ?? false,
    screening: listing?.screening ?? null,
    updatedAt: listing?.updatedAt ?? null,
    updatedBy: listing?.updatedBy ?? null,
  };
}

/**
 * The public directory of an organization's groups, and the listing that puts a group in it.
 * Anyone may read the directory, without an account; only the group's facilitators list it.
 */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly directory: DirectoryRepository,
    private readonly organizations: OrganizationsService,
    private readonly access: GroupAccess,
    private readonly measures: MeasuresService,
    private readonly clock: Clock,
  ) {}

  /** The organization's groups open to requests; an unknown organization is a 404. */
  async groups(organizationId: string): Promise<DirectoryView> {
    const organization = await this.organizations.get(organizationId);
    const rows = await this.directory.openGroups(organization.id, this.clock.now());
    return {
      organizationId: organization.id,
      organizationName: organization.name,
      items: rows.map(groupView),
    };
  }

  /** One listed group, with the agreement a request consents to and the screening's questions. */
  async group(
    organizationId: string,
    groupId: string,
    locale: string,
  ): Promise<DirectoryGroupDetailView> {
    const organization = await this.organizations.get(organizationId);
    const [row] = await this.directory.openGroups(organization.id, this.clock.now(), groupId);
    if (!row) throw listingNotFound();
    return {
      ...groupView(row),
      organizationId: organization.id,
      organizationName: organization.name,
      agreement: organization.groupAgreement?.text ?? null,
      screeningQuestions: row.screening
        ? screeningQuestions(row.screening, this.measures.instruments(locale))
        : null,
    };
  }

  async listing(groupId: string, actorId: string): Promise<GroupListingView> {
    const group = await this.access.requireFacilitator(groupId, actorId);
    return listingView(group.id, await this.directory.findListing(group.id));
  }

  async setListing(
    groupId: string,
    actorId: string,
    changes: UpdateListingDto,
  ): Promise<GroupListingView> {
    const group = await this.access.requireFacilitator(groupId, actorId);
    const current = await this.directory.findListing(group.id);
    const saved = await this.directory.saveListing({
      groupId: group.id,
      openToRequests: changes.openToRequests,
      screening: changes.screening === undefined ? (current?.screening ?? null) : changes.screening,
      updatedBy: actorId,
    });
    return listingView(group.id, saved);
  }
}
