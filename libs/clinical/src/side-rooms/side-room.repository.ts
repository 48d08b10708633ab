import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type { Tx } from '#database';
import { SideRoom } from './side-room.entity.js';

/** A side room with its session's group, for the access checks and the audit. */
export interface SideRoomRow extends SideRoom {
  groupId: string;
  organizationId: string;
  sessionEndsAt: Date;
  sessionStatus: string;
}

/** A side room as a session's facilitators list it: with the member's alias. */
export interface SideRoomListRow extends SideRoom {
  displayName: string;
}

@Injectable()
export class SideRoomRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The member's open side room in the session, if any. */
  findOpen(sessionId: string, userId: string, tx?: Tx): Promise<SideRoom | null> {
    return (tx ?? this.dataSource.manager)
      .getRepository(SideRoom)
      .findOneBy({ sessionId, userId, closedAt: IsNull() });
  }

  /** Adds an open side room; the partial unique index keeps one open per member and session. */
  async add(
    room: Pick<SideRoom, 'sessionId' | 'facilitatorId' | 'userId' | 'createdAt'>,
    tx: Tx,
  ): Promise<SideRoom> {
    const repository = tx.getRepository(SideRoom);
    return repository.save(repository.create({ ...room, joinedAt: null, closedAt: null }));
  }

  async find(id: string): Promise<SideRoomRow | null> {
    const [row] = await this.dataSource.query(
      `SELECT r.id, r.session_id AS "sessionId", r.facilitator_id AS "facilitatorId",
         r.user_id AS "userId", r.created_at AS "createdAt", r.joined_at AS "joinedAt",
         r.declined_at AS "declinedAt", r.closed_at AS "closedAt", s.group_id AS "groupId",
         g.organization_id AS "organizationId", s.ends_at AS "sessionEndsAt",
         s.status AS "sessionStatus"
       FROM side_rooms r JOIN sessions s ON s.id = r.session_id JOIN groups g ON g.id = s.group_id
       WHERE r.id = $1`,
      [id],
    );
    return (row as SideRoomRow | undefined) ?? null;
  }

  /** A session's side rooms, the newest first, with each member's alias. */
  forSession(sessionId: string): Promise<SideRoomListRow[]> {
    return this.dataSource.query(
      `SELECT r.id, r.session_id AS "sessionId", r.facilitator_id AS "facilitatorId",
         r.user_id AS "userId", r.created_at AS "createdAt", r.joined_at AS "joinedAt",
         r.declined_at AS "declinedAt", r.closed_at AS "closedAt", u.display_name AS "displayName"
       FROM side_rooms r JOIN users u ON u.id = r.user_id
       WHERE r.session_id = $1 ORDER BY r.created_at DESC, r.id`,
      [sessionId],
    );
  }

  /** The person's open invitations, in sessions that have not ended by `now`. */
  openInvitations(userId: string, now: Date): Promise<SideRoom[]> {
    return this.dataSource.query(
      `SELECT r.id, r.session_id AS "sessionId", r.facilitator_id AS "facilitatorId",
         r.user_id AS "userId", r.created_at AS "createdAt", r.joined_at AS "joinedAt",
         r.declined_at AS "declinedAt", r.closed_at AS "closedAt"
       FROM side_rooms r JOIN sessions s ON s.id = r.session_id
       WHERE r.user_id = $1 AND r.closed_at IS NULL AND s.ends_at > $2
         AND s.status NOT IN ('ended', 'cancelled')
       ORDER BY r.created_at DESC, r.id`,
      [userId, now],
    );
  }

  /** Notes the member's first acceptance. */
  async markJoined(id: string, at: Date): Promise<void> {
    await this.dataSource
      .getRepository(SideRoom)
      .update({ id, joinedAt: IsNull(), closedAt: IsNull() }, { joinedAt: at });
  }

  /** Closes it (declined too, when the member said not now); false when it was closed already. */
  async close(id: string, at: Date, { declined = false } = {}, tx?: Tx): Promise<boolean> {
    const result = await (tx ?? this.dataSource.manager)
      .getRepository(SideRoom)
      .update(
        { id, closedAt: IsNull() },
        declined ? { closedAt: at, declinedAt: at } : { closedAt: at },
      );
    return (result.affected ?? 0) > 0;
  }
}
