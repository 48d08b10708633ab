import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GroupKind } from '#groups';
import { GroupListing, type Screening } from './group-listing.entity.js';

/** A group open to requests, with what the directory shows of it and nothing about people. */
export interface ListedGroupRow {
  id: string;
  name: string;
  description: string;
  tags: string[];
  kind: GroupKind;
  language: string;
  timezone: string;
  startTime: string;
  durationMinutes: number;
  firstSessionDate: string;
  capacity: number;
  /** Active seats: the only count of people the directory reads. */
  seatsTaken: number;
  screening: Screening | null;
  nextSessions: Date[];
  /** Meetings still to come (not cancelled); for a curriculum group, how many are left. */
  sessionsToCome: number;
}

/** How many coming session starts a listing shows. */
const NEXT_SESSIONS = 4;

/** Listings and the public directory read. */
@Injectable()
export class DirectoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findListing(groupId: string): Promise<GroupListing | null> {
    return this.dataSource.getRepository(GroupListing).findOneBy({ groupId });
  }

  async saveListing(
    listing: Pick<GroupListing, 'groupId' | 'openToRequests' | 'screening' | 'updatedBy'>,
  ) {
    await this.dataSource
      .getRepository(GroupListing)
      .upsert(listing, { conflictPaths: ['groupId'] });
    return this.dataSource
      .getRepository(GroupListing)
      .findOneByOrFail({ groupId: listing.groupId });
  }

  /**
   * The organization's groups open to requests that still meet (not ended, a session to come),
   * by name; with `groupId`, that group only.
   */
  openGroups(organizationId: string, now: Date, groupId?: string): Promise<ListedGroupRow[]> {
    return this.dataSource.query(
      `SELECT g.id, g.name, g.description, g.tags, g.kind, g.language, g.timezone,
         g.start_time AS "startTime", g.duration_minutes AS "durationMinutes",
         g.first_session_date AS "firstSessionDate", g.capacity, l.screening,
         (SELECT count(*)::int FROM enrollments e
           WHERE e.group_id = g.id AND e.status = 'active') AS "seatsTaken",
         ARRAY(SELECT s.starts_at FROM sessions s
           WHERE s.group_id = g.id AND s.status <> 'cancelled' AND s.starts_at > $2
           ORDER BY s.starts_at LIMIT ${NEXT_SESSIONS}) AS "nextSessions",
         (SELECT count(*)::int FROM sessions s
           WHERE s.group_id = g.id AND s.status <> 'cancelled' AND s.starts_at > $2)
           AS "sessionsToCome"
       FROM groups g
       JOIN group_listings l ON l.group_id = g.id AND l.open_to_requests
       WHERE g.organization_id = $1 AND g.ended_at IS NULL AND ($3::uuid IS NULL OR g.id = $3)
         AND EXISTS (SELECT 1 FROM sessions s
           WHERE s.group_id = g.id AND s.status <> 'cancelled' AND s.starts_at > $2)
       ORDER BY g.name, g.id`,
      [organizationId, now, groupId ?? null],
    );
  }
}
