import { Injectable } from '@nestjs/common';
import { ClinicalAudit } from '#audit';
import { Clock, ConflictError, NotFoundError } from '#common';
import { AppConfig } from '#config';
import { Transactions } from '#database';
import { NotificationRepository } from '#reminders';
import { joinOpensAt, type Session, SessionAccess } from '#sessions';
import { LobbyRepository, roomNameForSideRoom, VideoService } from '#video';
import type { SideRoom } from './side-room.entity.js';
import { type SideRoomRow, SideRoomRepository } from './side-room.repository.js';
import type {
  SideRoomAdmission,
  SideRoomInvitationList,
  SideRoomList,
  SideRoomStatus,
  SideRoomView,
} from './side-rooms.view.js';

/** Two people; kept a while when empty so a dropped connection can come back. */
const SIDE_ROOM_SETTINGS = {
  maxParticipants: 2,
  emptyTimeoutSeconds: 10 * 60,
  departureTimeoutSeconds: 5 * 60,
};

const sideRoomNotFound = () => new NotFoundError('side_room_not_found', 'No such side room');
const sideRoomClosed = () => new ConflictError('side_room_closed', 'This side room is closed');

const statusOf = (room: SideRoom): SideRoomStatus =>
  room.declinedAt ? 'declined' : room.closedAt ? 'closed' : room.joinedAt ? 'joined' : 'invited';

/**
 * Private side rooms during a session: a facilitator of the group opens one for an active
 * member, who is invited (an in-app notification and a prompt in the session room) and
 * decides: join or not now. Only the two of them get tokens, and only while it is open and
 * the session runs. Its existence, joins and closing are in the audit log.
 */
@Injectable()
export class SideRoomsService {
  constructor(
    private readonly access: SessionAccess,
    private readonly rooms: SideRoomRepository,
    private readonly lobby: LobbyRepository,
    private readonly video: VideoService,
    private readonly notifications: NotificationRepository,
    private readonly transactions: Transactions,
    private readonly audit: ClinicalAudit,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Opens a side room for the member (or finds the one this facilitator already opened for
   * them) and lets the facilitator in; the member is only invited.
   */
  async open(sessionId: string, actorId: string, userId: string): Promise<SideRoomAdmission> {
    const { session, group } = await this.access.requireFacilitator(sessionId, actorId);
    this.assertRunning(session);
    this.video.assertAvailable();
    const { standing } = await this.access.relation(session.id, userId);
    if (standing.enrollmentStatus !== 'active' || userId === actorId) {
      throw new NotFoundError('member_not_found', 'No such member of this group');
    }
    const room = await this.transactions.run(async (tx) => {
      const existing = await this.rooms.findOpen(session.id, userId, tx);
      if (existing) {
        if (existing.facilitatorId !== actorId) {
          throw new ConflictError(
            'side_room_open',
            'Another facilitator is already in a private room with this member',
          );
        }
        return existing;
      }
      const added = await this.rooms.add(
        { sessionId: session.id, facilitatorId: actorId, userId, createdAt: this.clock.now() },
        tx,
      );
      await this.notifications.add(
        {
          userId,
          kind: 'side_room_invitation',
          title: 'Your facilitator invites you to a private conversation',
          body: 'Open the session room to join, or say not now.',
          sessionId: session.id,
        },
        tx,
      );
      await this.audit.record(
        {
          organizationId: group.organizationId,
          actorId,
          action: 'create',
          resourceType: 'side_room',
          resourceId: added.id,
          subjectUserIds: [userId],
        },
        tx,
      );
      return added;
    });
    try {
      await this.video.ensureRoom(roomNameForSideRoom(room.id), SIDE_ROOM_SETTINGS);
    } catch (error) {
      // No room on the video server: the invitation must not stay open either.
      await this.rooms.close(room.id, this.clock.now());
      throw error;
    }
    return this.admit(room, session, group.organizationId, actorId);
  }

  /** The session's side rooms, for its facilitators (to see who accepted). */
  async forSession(sessionId: string, actorId: string): Promise<SideRoomList> {
    const { session } = await this.access.requireFacilitator(sessionId, actorId);
    const rows = await this.rooms.forSession(session.id);
    return {
      items: rows.map((row): SideRoomView => ({
        id: row.id,
        sessionId: row.sessionId,
        userId: row.userId,
        displayName: row.displayName,
        facilitatorId: row.facilitatorId,
        status: statusOf(row),
        createdAt: row.createdAt,
        closedAt: row.closedAt,
      })),
    };
  }

  /** The caller's open invitations, for the session room to ask them. */
  async invitations(userId: string): Promise<SideRoomInvitationList> {
    const rows = await this.rooms.openInvitations(userId, this.clock.now());
    return {
      items: rows.map((row) => ({
        id: row.id,
        sessionId: row.sessionId,
        createdAt: row.createdAt,
        joined: row.joinedAt !== null,
      })),
    };
  }

  /**
   * A token for the invited member (their acceptance) or the facilitator who opened it;
   * anyone else is told there is no such room.
   */
  async join(sideRoomId: string, actorId: string): Promise<SideRoomAdmission> {
    const room = await this.requireParty(sideRoomId, actorId);
    if (room.closedAt) throw sideRoomClosed();
    const { session, standing, role } = await this.access.relation(room.sessionId, actorId);
    const stillThere =
      actorId === room.userId ? standing.enrollmentStatus === 'active' : role === 'facilitator';
    if (!stillThere) throw sideRoomNotFound();
    this.assertRunning(session);
    if (actorId === room.userId) {
      await this.audit.record({
        organizationId: room.organizationId,
        actorId,
        action: 'update',
        resourceType: 'side_room_join',
        resourceId: room.id,
        subjectUserIds: [room.userId],
      });
      await this.rooms.markJoined(room.id, this.clock.now());
    }
    // The room may have emptied out and closed on the server: create is idempotent.
    await this.video.ensureRoom(roomNameForSideRoom(room.id), SIDE_ROOM_SETTINGS);
    return this.admit(room, session, room.organizationId, actorId);
  }

  /** "Not now": the member declines, which closes the side room. */
  async decline(sideRoomId: string, actorId: string): Promise<SideRoomView> {
    const room = await this.requireParty(sideRoomId, actorId);
    if (actorId !== room.userId) throw sideRoomNotFound();
    return this.finish(room, actorId, true);
  }

  /** Closes it for both (a facilitator of the group); closing a closed one changes nothing. */
  async close(sideRoomId: string, actorId: string): Promise<SideRoomView> {
    const room = await this.rooms.find(sideRoomId);
    if (!room) throw sideRoomNotFound();
    const { role } = await this.access.relation(room.sessionId, actorId);
    if (role !== 'facilitator') throw sideRoomNotFound();
    return this.finish(room, actorId, false);
  }

  private async finish(room: SideRoomRow, actorId: string, declined: boolean) {
    const at = this.clock.now();
    const closed = await this.transactions.run(async (tx) => {
      if (!(await this.rooms.close(room.id, at, { declined }, tx))) return false;
      await this.audit.record(
        {
          organizationId: room.organizationId,
          actorId,
          action: 'update',
          resourceType: declined ? 'side_room_decline' : 'side_room_close',
          resourceId: room.id,
          subjectUserIds: [room.userId],
        },
        tx,
      );
      return true;
    });
    if (closed && this.video.available) {
      await this.video.deleteRoom(roomNameForSideRoom(room.id));
    }
    const after = (await this.rooms.find(room.id))!;
    const { displayName } = await this.lobby.joinFacts(
      { id: room.sessionId, groupId: room.groupId },
      room.organizationId,
      room.userId,
    );
    return {
      id: after.id,
      sessionId: after.sessionId,
      userId: after.userId,
      displayName,
      facilitatorId: after.facilitatorId,
      status: statusOf(after),
      createdAt: after.createdAt,
      closedAt: after.closedAt,
    };
  }

  /** The side room, if the caller is one of its two people; everyone else gets a 404. */
  private async requireParty(sideRoomId: string, actorId: string): Promise<SideRoomRow> {
    const room = await this.rooms.find(sideRoomId);
    if (!room || (room.userId !== actorId && room.facilitatorId !== actorId)) {
      throw sideRoomNotFound();
    }
    return room;
  }

  private async admit(
    room: SideRoom,
    session: Session,
    organizationId: string,
    identity: string,
  ): Promise<SideRoomAdmission> {
    const { displayName } = await this.lobby.joinFacts(session, organizationId, identity);
    const admitted = await this.video.admission({
      roomName: roomNameForSideRoom(room.id),
      identity,
      name: displayName,
      role: identity === room.facilitatorId ? 'facilitator' : 'participant',
      canScreenShare: false,
    });
    return { ...admitted, sideRoomId: room.id, sessionId: room.sessionId };
  }

  /** Side rooms belong to a running session: from the join window to its end. */
  private assertRunning(session: Session): void {
    const now = this.clock.millis();
    const opens = joinOpensAt(session, this.config.VIDEO_JOIN_EARLY_MINUTES).getTime();
    if (
      !['scheduled', 'open', 'live'].includes(session.status) ||
      now < opens ||
      now >= session.endsAt.getTime()
    ) {
      throw new ConflictError(
        'session_not_running',
        'A private room can be opened only while the session runs',
      );
    }
  }
}
