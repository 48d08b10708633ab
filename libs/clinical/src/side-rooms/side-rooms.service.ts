import { Injectable } from '@nestjs/common';
import { ClinicalAudit } from '#audit';
import { Clock, ConflictError, NotFoundError } from '#common';
import { AppConfig } from '#config';
import { Transactions } from '#database';
import { NotificationRepository } from '#reminders';
import { joinOpensAt, type Session, SessionAccess } from '#sessions';
import { LobbyRepository, roomNameForSideRoom, VideoService } from '#video';
import type { SideRoom } from './side-room.entity.js';
import {
  type SideRoomListRow,
  type SideRoomRow,
  SideRoomRepository,
} from './side-room.repository.js';
import { assertSideRoomTransition, sideRoomStatusOf } from './side-room-state.js';
import type {
  SideRoomAdmission,
  SideRoomInvitationList,
  SideRoomList,
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

const sideRoomView = (row: SideRoomListRow): SideRoomView => ({
  id: row.id,
  sessionId: row.sessionId,
  userId: row.userId,
  displayName: row.displayName,
  legalName: row.legalName,
  facilitatorId: row.facilitatorId,
  status: sideRoomStatusOf(row),
  createdAt: row.createdAt,
  closedAt: row.closedAt,
});

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
    const { session, group } = await this.access.requireClinician(sessionId, actorId);
    this.assertRunning(session);
    this.video.assertAvailable();
    const { standing } = await this.access.relation(session.id, userId);
    if (standing.enrollmentStatus !== 'active' || userId === actorId) {
      throw new NotFoundError('member_not_found', 'No such member of this group');
    }
    const room = await this.findOrAdd(session.id, group.organizationId, actorId, userId);
    try {
      await this.ensureOpenRoom(room.id);
    } catch (error) {
      // No room on the video server: the invitation must not stay open either.
      await this.withdraw(room, group.organizationId, actorId);
      throw error;
    }
    return this.admit(room, session, group.organizationId, actorId);
  }

  /**
   * The member's open side room in the session, added (with the invitation and the audit row)
   * unless one is open. Two opens at once both land here: the insert that loses waits for the
   * winner and reads its row, so the rules below see it.
   */
  private async findOrAdd(
    sessionId: string,
    organizationId: string,
    actorId: string,
    userId: string,
  ): Promise<SideRoom> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const room = await this.transactions.run(async (tx) => {
        const added = await this.rooms.addUnlessOpen(
          { sessionId, facilitatorId: actorId, userId, createdAt: this.clock.now() },
          tx,
        );
        if (!added) return this.rooms.findOpen(sessionId, userId, tx);
        await this.notifications.add(
          {
            userId,
            kind: 'side_room_invitation',
            title: 'Your facilitator invites you to a private conversation',
            body: 'Open the session room to join, or say not now.',
            sessionId,
          },
          tx,
        );
        await this.audit.record(
          {
            organizationId,
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
      if (!room) continue; // the open one closed in between: try again
      if (room.facilitatorId !== actorId) {
        throw new ConflictError(
          'side_room_open',
          'Another facilitator is already in a private room with this member',
        );
      }
      return room;
    }
    throw sideRoomClosed();
  }

  /** Closes a side room whose video room could not be made, and takes the invitation back. */
  private async withdraw(room: SideRoom, organizationId: string, actorId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      if (!(await this.rooms.close(room.id, this.clock.now(), {}, tx))) return;
      await this.notifications.withdrawUnread(
        room.userId,
        'side_room_invitation',
        room.sessionId,
        tx,
      );
      await this.audit.record(
        {
          organizationId,
          actorId,
          action: 'update',
          resourceType: 'side_room_close',
          resourceId: room.id,
          subjectUserIds: [room.userId],
        },
        tx,
      );
    });
  }

  /**
   * Makes sure the video room exists (it may have emptied out and gone: create is
   * idempotent), then reads the row again: a close that ran meanwhile deleted the room before
   * this re-created it, so it is deleted again and the caller told it is closed.
   */
  private async ensureOpenRoom(sideRoomId: string): Promise<void> {
    const name = roomNameForSideRoom(sideRoomId);
    await this.video.ensureRoom(name, SIDE_ROOM_SETTINGS);
    if (await this.rooms.isClosed(sideRoomId)) {
      await this.video.deleteRoom(name);
      throw sideRoomClosed();
    }
  }

  /** The session's side rooms, for its facilitators (to see who accepted). */
  async forSession(sessionId: string, actorId: string): Promise<SideRoomList> {
    const { session, group } = await this.access.requireClinician(sessionId, actorId);
    const rows = await this.rooms.forSession(session.id);
    await this.audit.record({
      organizationId: group.organizationId,
      actorId,
      action: 'read',
      resourceType: 'side_rooms',
      resourceId: session.id,
      subjectUserIds: [...new Set(rows.map((row) => row.userId))],
    });
    return { items: rows.map(sideRoomView) };
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
    const status = sideRoomStatusOf(room);
    if (status === 'closed' || status === 'declined') throw sideRoomClosed();
    const { session, standing, clinician } = await this.access.relation(room.sessionId, actorId);
    const member = actorId === room.userId;
    // The facilitator who opened it must still be a clinician of the group (roles change).
    const stillThere = member ? standing.enrollmentStatus === 'active' : clinician;
    if (!stillThere) throw sideRoomNotFound();
    this.assertRunning(session);
    if (member) assertSideRoomTransition(status, 'joined');
    // Whoever comes in, the member's acceptance or the facilitator, is on the record.
    await this.audit.record({
      organizationId: room.organizationId,
      actorId,
      action: 'update',
      resourceType: 'side_room_join',
      resourceId: room.id,
      subjectUserIds: [room.userId],
    });
    if (member) await this.rooms.markJoined(room.id, this.clock.now());
    await this.ensureOpenRoom(room.id);
    return this.admit(room, session, room.organizationId, actorId);
  }

  /** "Not now": the member declines, which closes the side room. */
  async decline(sideRoomId: string, actorId: string): Promise<SideRoomView> {
    const room = await this.requireParty(sideRoomId, actorId);
    if (actorId !== room.userId) throw sideRoomNotFound();
    const status = sideRoomStatusOf(room);
    if (status !== 'declined') assertSideRoomTransition(status, 'declined');
    return this.finish(room, actorId, true);
  }

  /** Closes it for both (a facilitator of the group); closing a closed one changes nothing. */
  async close(sideRoomId: string, actorId: string): Promise<SideRoomView> {
    const room = await this.rooms.find(sideRoomId);
    if (!room) throw sideRoomNotFound();
    // A clinician of the group: a peer supporter facilitating it never learns of side rooms.
    const { clinician } = await this.access.relation(room.sessionId, actorId);
    if (!clinician) throw sideRoomNotFound();
    const status = sideRoomStatusOf(room);
    if (status !== 'closed' && status !== 'declined') assertSideRoomTransition(status, 'closed');
    return this.finish(room, actorId, false);
  }

  private async finish(
    room: SideRoomRow,
    actorId: string,
    declined: boolean,
  ): Promise<SideRoomView> {
    const at = this.clock.now();
    await this.transactions.run(async (tx) => {
      if (!(await this.rooms.close(room.id, at, { declined }, tx))) return;
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
    });
    const after = (await this.rooms.listRow(room.id))!;
    // A decline that lost to the member's own join (in another tab) is refused, not ignored.
    if (declined && !after.declinedAt) {
      assertSideRoomTransition(sideRoomStatusOf(after), 'declined');
    }
    // Every time, not only when this call closed it: a retry after a failed delete ends it.
    if (after.closedAt && this.video.available) {
      await this.video.deleteRoom(roomNameForSideRoom(room.id));
    }
    return sideRoomView(after);
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
