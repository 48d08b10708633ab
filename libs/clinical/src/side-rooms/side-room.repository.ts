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

/** A side room as a session's facilitators list it: with the member's alias and legal name. */
export interface SideRoomListRow extends SideRoom {
  displayName: string;
  legalName: string | null;
}

const LIST_COLUMNS = `r.id, r.session_id AS "sessionId", r.facilitator_id AS "facilitatorId",
  r.user_id AS "userId", r.created_at AS "createdAt", r.joined_at AS "joinedAt",
  r.declined_at AS "declinedAt", r.closed_at AS "closedAt", u.display_name AS "displayName",
  u.legal_name AS "legalName"`;

@Injectable()
export class SideRoomRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The member's open side room in the session, if any. */
  findOpen(sessionId: string, userId: string, tx?: Tx): Promise<SideRoom | null> {
    return (tx ?? this.dataSource.manager)
      .getRepository(SideRoom)
      .findOneBy({ sessionId, userId, closedAt: IsNull() });
  }

  /**
   * Adds an open side room, unless the member has one in the session already (the partial
   * unique index keeps one open per member and session): then null, and nothing is written.
   * A concurrent insert is waited for, so a null means the other one is committed.
   */
  async addUnlessOpen(
    room: Pick<SideRoom, 'sessionId' | 'facilitatorId' | 'userId' | 'createdAt'>,
    tx: Tx,
  ): Promise<SideRoom | null> {
    const rows = await tx.query<SideRoom[]>(
      `INSERT INTO side_rooms (session_id, facilitator_id, user_id, created_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (session_id, user_id) WHERE closed_at IS NULL DO NOTHING
       RETURNING id, session_id AS "sessionId", facilitator_id AS "facilitatorId",
         user_id AS "userId", created_at AS "createdAt", joined_at AS "joinedAt",
         declined_at AS "declinedAt", closed_at AS "closedAt"`,
      [room.sessionId, room.facilitatorId, room.userId, room.createdAt],
    );
    return rows[0] ?? null;
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

  /** A session's side rooms, the newest first, with each member's alias and legal name. */
  forSession(sessionId: string): Promise<SideRoomListRow[]> {
    return this.dataSource.query(
      `SELECT ${LIST_COLUMNS} FROM side_rooms r JOIN users u ON u.id = r.user_id
       WHERE r.session_id = $1 ORDER BY r.created_at DESC, r.id`,
      [sessionId],
    );
  }

  /** One side room as `forSession` lists it. */
  async listRow(id: string): Promise<SideRoomListRow | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${LIST_COLUMNS} FROM side_rooms r JOIN users u ON u.id = r.user_id WHERE r.id = $1`,
      [id],
    );
    return (row as SideRoomListRow | undefined) ?? null;
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

  /**
   * Closes it; false when it was closed already. Declining (the member said not now) also
   * needs that they never joined, so a decline racing a join cannot undo it.
   */
  async close(id: string, at: Date, { declined = false } = {}, tx?: Tx): Promise<boolean> {
    const result = await (tx ?? this.dataSource.manager)
      .getRepository(SideRoom)
      .update(
        declined ? { id, closedAt: IsNull(), joinedAt: IsNull() } : { id, closedAt: IsNull() },
        declined ? { closedAt: at, declinedAt: at } : { closedAt: at },
      );
    return (result.affected ?? 0) > 0;
  }

  /** Whether it is closed now (read again after a call to the video server). */
  async isClosed(id: string): Promise<boolean> {
    const room = await this.dataSource.getRepository(SideRoom).findOneBy({ id });
    return !room || room.closedAt !== null;
  }
}
