import { Injectable, Logger } from '@nestjs/common';
import { Clock, DomainError, InvalidInputError, UnauthenticatedError } from '#common';
import { AppConfig } from '#config';
import { Transactions } from '#database';
import { EnrollmentRepository, GroupRepository } from '#groups';
import { UserRepository } from '#identity';
import { NotificationRepository } from '#reminders';
import { SessionLifecycleService, SessionRepository } from '#sessions';
import type { Session } from '#sessions';
import {
  LobbyRepository,
  RoomChatService,
  roomNameForSession,
  sessionIdOfRoom,
  sideRoomIdOfRoom,
  VideoService,
} from '#video';
import { AttendanceRepository } from './attendance.repository.js';
import { eventTime, storableText } from './event-fields.js';
import { AttendanceEventQueue } from './process-attendance-event/attendance-event.queue.js';
import { ReconcileAttendanceQueue } from './reconcile-attendance/reconcile-attendance.queue.js';
import { computePresence, CONNECTION_EVENTS } from './presence.js';
import { WebinarAttendanceService } from './webinar-attendance.service.js';

const PRESENCE_EVENTS = new Set<string>(CONNECTION_EVENTS);

/**
 * Attendance from the video server's own events. The api stores each verified webhook once and
 * answers at once; the worker recomputes the person's attendance from every stored event of the
 * session, so duplicates, retries and out-of-order delivery change nothing. Because webhooks can
 * be lost, a reconciler compares with LiveKit's participant list while the room is live and at
 * its end, and records what it infers as events of its own.
 */
@Injectable()
export class AttendanceService {
  private readonly logger = new Logger(AttendanceService.name);

  constructor(
    private readonly attendance: AttendanceRepository,
    private readonly sessions: SessionRepository,
    private readonly groups: GroupRepository,
    private readonly enrollments: EnrollmentRepository,
    private readonly users: UserRepository,
    private readonly lifecycle: SessionLifecycleService,
    private readonly video: VideoService,
    private readonly eventQueue: AttendanceEventQueue,
    private readonly reconcileQueue: ReconcileAttendanceQueue,
    private readonly webinars: WebinarAttendanceService,
    private readonly lobby: LobbyRepository,
    private readonly roomChat: RoomChatService,
    private readonly notifications: NotificationRepository,
    private readonly transactions: Transactions,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Verifies and stores a webhook; a duplicate is accepted and ignored. */
  async ingest(
    rawBody: Buffer | undefined,
    authorization: string | undefined,
  ): Promise<{ stored: boolean }> {
    this.video.assertAvailable();
    if (!rawBody?.length || !authorization) throw invalidSignature();
    const event = await this.video
      .receiveWebhook(rawBody.toString('utf8'), authorization)
      .catch((error: unknown) => {
        throw error instanceof DomainError ? error : invalidSignature();
      });
    if (!event.id || !event.event) throw invalidSignature();
    const roomName = event.room?.name ?? '';
    const identity = event.participant?.identity || null;
    const participantSid = event.participant?.sid || null;
    const occurredAt = eventTime(event.createdAt, this.clock.now());
    // Signed but impossible: refused with a 400 rather than stored, since attendance could never
    // use the row and LiveKit's delivery log then shows the refusal.
    if (!occurredAt) throw invalidWebhook('createdAt is not a plausible time');
    for (const text of [event.id, event.event, roomName, identity ?? '', participantSid ?? '']) {
      if (!storableText(text)) throw invalidWebhook('A field is too long or holds a NUL byte');
    }
    // A side room's events belong to its session: the member is with one of its facilitators.
    const sideRoomId = sideRoomIdOfRoom(roomName);
    const stored = await this.attendance.insertEvent({
      id: event.id,
      event: event.event,
      roomName,
      sessionId: sideRoomId
        ? await this.attendance.sessionOfSideRoom(sideRoomId)
        : sessionIdOfRoom(roomName),
      identity,
      participantSid,
      occurredAt,
    });
    // A retry of an event stored but never enqueued (the enqueue failed) is enqueued now; the
    // job id is the event's, so an event queued twice is still processed once.
    if (stored || !(await this.attendance.findEvent(event.id))?.processedAt) {
      await this.eventQueue.add({ eventId: event.id });
    }
    return { stored };
  }

  async process(eventId: string): Promise<void> {
    const event = await this.attendance.findEvent(eventId);
    if (!event) return;
    const session = event.sessionId ? await this.sessions.findById(event.sessionId) : null;
    const webinar = session ? null : await this.webinars.webinarFor(event.roomName);
    if (webinar) {
      if (PRESENCE_EVENTS.has(event.event) && event.identity) {
        if (event.event === 'participant_joined')
          await this.webinars.enforceDemotion(webinar, event.identity);
        await this.webinars.recompute(webinar, event.identity);
      } else if (event.event === 'room_finished') await this.webinars.recomputeAll(webinar);
    } else if (session && event.roomName !== roomNameForSession(session.id)) {
      // A side room of the session: its connections count as presence, nothing else.
      if (PRESENCE_EVENTS.has(event.event) && event.identity) {
        await this.recompute(session, event.identity);
      }
    } else if (session) {
      if (PRESENCE_EVENTS.has(event.event) && event.identity) {
        if (event.event === 'participant_joined') {
          await this.enforceRemoval(session.id, event.identity);
          await this.roomChat.applyOnArrival(session.id, event.identity);
          await this.goLive(session);
        }
        await this.recompute(session, event.identity);
      } else if (event.event === 'room_finished') {
        if (session.status === 'live') await this.lifecycle.transition(session, 'ended');
        await this.finalize(session.id);
      }
    }
    await this.attendance.markProcessed(event.id, this.clock.now());
  }

  /**
   * A session is live from its first join. (LiveKit's room_started comes when the worker creates
   * the room, minutes before anyone arrives, so it says nothing about the session.)
   */
  private async goLive(session: Session): Promise<void> {
    if (session.status !== 'open' || !(await this.lifecycle.transition(session, 'live'))) return;
    await this.reconcileQueue.add(
      { sessionId: session.id, mode: 'live' },
      this.config.ATTENDANCE_RECONCILE_SECONDS * 1000,
    );
  }

  /** Recomputes everyone who appeared in the session, and follows up on repeated absences. */
  async finalize(sessionId: string): Promise<void> {
    const session = await this.sessions.findById(sessionId);
    if (!session) return;
    for (const identity of await this.attendance.identitiesIn(roomNameForSession(session.id))) {
      await this.recompute(session, identity);
    }
    if (session.status === 'ended') await this.followUp(session);
  }

  /**
   * Compares the room with LiveKit's participant list and records, as events, the joins and
   * leaves the webhooks did not bring. While the session is live it checks again later.
   */
  async reconcile(sessionId: string, mode: 'live' | 'final'): Promise<void> {
    const session = await this.sessions.findById(sessionId);
    if (!session || !this.video.available) return;
    const room = roomNameForSession(session.id);
    const present = (await this.video.listParticipants(room)) ?? [];
    const now = this.clock.now();
    const touched = new Set<string>();
    const presentSids = new Set(present.map((p) => p.sid));
    for (const participant of present) {
      const events = await this.attendance.presenceEvents(room, participant.identity);
      if (
        !events.some(
          (e) => e.participantSid === participant.sid && e.event === 'participant_joined',
        )
      ) {
        const joinedAt = eventTime(participant.joinedAt, now) ?? now;
        await this.recordInferred({
          id: `reconcile-join-${participant.sid}`,
          event: 'participant_joined',
          roomName: room,
          sessionId: session.id,
          identity: participant.identity,
          participantSid: participant.sid,
          occurredAt: joinedAt,
        });
        touched.add(participant.identity);
      }
    }
    for (const identity of await this.attendance.identitiesIn(room)) {
      const events = await this.attendance.presenceEvents(room, identity);
      const closed = new Set(
        events.filter((e) => e.event !== 'participant_joined').map((e) => e.participantSid),
      );
      for (const joined of events.filter(
        (e) => e.event === 'participant_joined' && e.participantSid,
      )) {
        if (closed.has(joined.participantSid) || presentSids.has(joined.participantSid!)) continue;
        await this.recordInferred({
          id: `reconcile-left-${joined.participantSid}`,
          event: 'participant_left',
          roomName: room,
          sessionId: session.id,
          identity,
          participantSid: joined.participantSid,
          occurredAt: now,
        });
        touched.add(identity);
      }
    }
    for (const identity of touched) await this.recompute(session, identity);
    if (touched.size) this.logger.log(`Session ${session.id}: reconciled ${touched.size} people`);
    const current = await this.sessions.findById(session.id);
    if (mode === 'live' && current?.status === 'live') {
      await this.reconcileQueue.add(
        { sessionId: session.id, mode: 'live' },
        this.config.ATTENDANCE_RECONCILE_SECONDS * 1000,
      );
    }
  }

  /** Someone removed from the session who got back in (an old token, a race) is taken out again. */
  private async enforceRemoval(sessionId: string, identity: string): Promise<void> {
    if (await this.lobby.isRemoved(sessionId, identity)) {
      await this.video.removeParticipant(roomNameForSession(sessionId), identity);
      this.logger.log(
        `Session ${sessionId}: removed participant ${identity} reconnected; removed again`,
      );
    }
  }

  /** Records what the reconciler inferred; it is applied at once, so it is processed too. */
  private async recordInferred(event: Parameters<AttendanceRepository['insertEvent']>[0]) {
    if (await this.attendance.insertEvent(event)) {
      await this.attendance.markProcessed(event.id, this.clock.now());
    }
  }

  private async recompute(session: Session, userId: string): Promise<void> {
    const group = await this.groups.findById(session.groupId);
    if (!group || !(await this.users.findById(userId))) return; // not one of ours
    const facilitators = await this.groups.facilitatorIds(group);
    const events = await this.attendance.sessionPresenceEvents(session.id, userId);
    const presence = computePresence({
      events,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      now: this.clock.now(),
      presentPercent: this.config.ATTENDANCE_PRESENT_PERCENT,
    });
    await this.attendance.saveFacts({
      sessionId: session.id,
      userId,
      role: facilitators.includes(userId) ? 'facilitator' : 'participant',
      status: presence.status,
      minutesPresent: presence.minutesPresent.toFixed(2),
      firstJoinedAt: presence.firstJoinedAt,
      lastLeftAt: presence.lastLeftAt,
      intervals: presence.intervals,
      sidIntervals: presence.sidIntervals,
      final: presence.final,
    });
  }

  /**
   * After N ended sessions in a row without a member, the group's clinical lead is told, once
   * (`clinicalFollowUpIds`): reaching out about absences is clinical work, so a peer supporter
   * running the group sees attendance but is not the one asked to follow up.
   */
  private async followUp(session: Session): Promise<void> {
    const group = await this.groups.findById(session.groupId);
    if (!group) return;
    const recipients = await this.groups.clinicalFollowUpIds(group);
    if (!recipients.length) return;
    const needed = this.config.ATTENDANCE_FOLLOW_UP_ABSENCES;
    const recent = (await this.sessions.listForGroup(group.id))
      .filter((s) => s.status === 'ended' && s.startsAt.getTime() <= session.startsAt.getTime())
      .slice(-needed);
    if (recent.length < needed) return;
    const rows = await this.attendance.forSessions(recent.map((s) => s.id));
    for (const memberId of await this.enrollments.userIds(group.id, ['active'])) {
      // Only sessions held since the person got their seat can count against them.
      const enrollment = await this.enrollments.find(group.id, memberId);
      const since = (enrollment?.promotedAt ?? enrollment?.queuedAt ?? new Date(0)).getTime();
      if (recent.some((s) => s.startsAt.getTime() < since)) continue;
      const attendedAny = recent.some((s) => {
        const row = rows.find((r) => r.sessionId === s.id && r.userId === memberId);
        return row && (row.overrideStatus !== null || row.status !== 'absent');
      });
      if (attendedAny) continue;
      const member = await this.users.findById(memberId);
      const told = await this.transactions.run(async (tx) => {
        if (!(await this.attendance.claimFollowUp(session.id, memberId, tx))) return false;
        for (const userId of recipients) {
          await this.notifications.add(
            {
              userId,
              kind: 'absence_follow_up',
              title: `${member?.displayName ?? 'A member'} missed ${needed} sessions in a row`,
              body: `${group.name}: you may want to check in with them.`,
              sessionId: session.id,
              subjectUserId: memberId,
            },
            tx,
          );
        }
        return true;
      });
      if (told) this.logger.log(`Session ${session.id}: absence follow-up for member ${memberId}`);
    }
  }
}

const invalidSignature = () =>
  new UnauthenticatedError(
    'invalid_signature',
    'The webhook signature is missing or does not match',
  );

const invalidWebhook = (message: string) =>
  new InvalidInputError('invalid_webhook', `The signed webhook is not a valid event: ${message}`);
