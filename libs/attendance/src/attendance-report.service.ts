import { Injectable } from '@nestjs/common';
import { ClinicalAudit } from '#audit';
import { Clock, NotFoundError, toCsv, mapPage, type Page, type PageRequest } from '#common';
import { Transactions } from '#database';
import { EnrollmentRepository, GroupAccess, GroupRepository } from '#groups';
import type { Group } from '#groups';
import { UserRepository } from '#identity';
import type { Session } from '#sessions';
import { SessionAccess, SessionRepository } from '#sessions';
import type { Attendance, AttendanceStatus } from './attendance.entity.js';
import { AttendanceRepository } from './attendance.repository.js';
import type { AttendanceItem, GroupAttendanceMatrix } from './attendance.view.js';
import type { OverrideAttendanceDto } from './override-attendance.dto.js';

/** Sessions whose attendance is settled enough to count in rates. */
const COUNTED = new Set<Session['status']>(['live', 'ended']);

const effective = (row: Attendance | undefined): AttendanceStatus =>
  row?.overrideStatus ?? row?.status ?? 'absent';

/** One person's line in a session's report: the computed status, and an override beside it. */
const reportItem = (
  userId: string,
  displayName: string | null,
  row: Attendance | undefined,
  groupRole: 'participant' | 'facilitator' | undefined,
): AttendanceItem => ({
  userId,
  displayName,
  role: row?.role ?? groupRole ?? 'participant',
  status: effective(row),
  computedStatus: row?.status ?? 'absent',
  minutesPresent: Number(row?.minutesPresent ?? 0),
  firstJoinedAt: row?.firstJoinedAt ?? null,
  lastLeftAt: row?.lastLeftAt ?? null,
  intervals: row?.intervals ?? [],
  override: row?.overrideStatus
    ? {
        status: row.overrideStatus,
        reason: row.overrideReason,
        by: row.overrideById,
        at: row.overrideAt,
      }
    : null,
});

/** Attendance as facilitators read it: per session, per group, and as CSV. */
@Injectable()
export class AttendanceReportService {
  constructor(
    private readonly attendance: AttendanceRepository,
    private readonly sessions: SessionRepository,
    private readonly groups: GroupRepository,
    private readonly enrollments: EnrollmentRepository,
    private readonly users: UserRepository,
    private readonly access: GroupAccess,
    private readonly sessionAccess: SessionAccess,
    private readonly audit: ClinicalAudit,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** A session's attendance by person; `page` pages the people (see pageSessionPeople). */
  async sessionReport(
    sessionId: string,
    actorId: string,
    page: PageRequest,
  ): Promise<Page<AttendanceItem>> {
    const { session, group } = await this.sessionAccess.requireFacilitator(sessionId, actorId);
    const [persons, people] = await Promise.all([
      this.attendance.pageSessionPeople(session.id, group.id, page),
      this.people(group),
    ]);
    const rows = await this.attendance.forSessionAndUsers(
      session.id,
      persons.items.map((p) => p.userId),
    );
    await this.audit.record({
      organizationId: group.organizationId,
      actorId,
      action: 'read',
      resourceType: 'session_attendance',
      resourceId: session.id,
      subjectUserIds: persons.items.map((p) => p.userId),
    });
    return mapPage(persons, ({ userId, displayName }) =>
      reportItem(
        userId,
        displayName,
        rows.find((r) => r.userId === userId),
        people.get(userId),
      ),
    );
  }

  /** Records a facilitator's decision beside the computed status; both stay visible. */
  async override(
    sessionId: string,
    userId: string,
    actorId: string,
    input: OverrideAttendanceDto,
  ): Promise<AttendanceItem> {
    const { group } = await this.sessionAccess.requireFacilitator(sessionId, actorId);
    const people = await this.people(group);
    if (!people.has(userId)) {
      throw new NotFoundError('member_not_found', 'No such member of this group');
    }
    await this.transactions.run(async (tx) => {
      await this.attendance.setOverride(
        sessionId,
        userId,
        people.get(userId)!,
        {
          overrideStatus: input.status,
          overrideReason: input.reason,
          overrideById: actorId,
          overrideAt: this.clock.now(),
        },
        tx,
      );
      await this.audit.record(
        {
          organizationId: group.organizationId,
          actorId,
          action: 'update',
          resourceType: 'session_attendance',
          resourceId: sessionId,
          subjectUserIds: [userId],
        },
        tx,
      );
    });
    const [[row], [user]] = await Promise.all([
      this.attendance.forSessionAndUsers(sessionId, [userId]),
      this.users.findByIds([userId]),
    ]);
    return reportItem(userId, user?.displayName ?? null, row, people.get(userId));
  }

  /**
   * Members x sessions, with each member's attendance rate over the sessions held so far. A report,
   * not a paged list: bounded by the group (active members never exceed its capacity) and its series.
   */
  async groupMatrix(
    groupId: string,
    actorId: string,
    action: 'read' | 'export' = 'read',
  ): Promise<GroupAttendanceMatrix> {
    const group = await this.access.requireFacilitator(groupId, actorId);
    const sessions = (await this.sessions.listForGroup(group.id)).filter(
      (s) => s.status !== 'cancelled',
    );
    const members = await this.enrollments.userIds(group.id, ['active']);
    const [rows, users] = await Promise.all([
      this.attendance.forSessions(sessions.map((s) => s.id)),
      this.users.findByIds(members),
    ]);
    await this.audit.record({
      organizationId: group.organizationId,
      actorId,
      action,
      resourceType: 'group_attendance',
      resourceId: group.id,
      subjectUserIds: members,
    });
    const held = sessions.filter((s) => COUNTED.has(s.status));
    const byCell = new Map(rows.map((r) => [`${r.sessionId}/${r.userId}`, r]));
    return {
      sessions: sessions.map(({ id, sequence, moduleTitle, startsAt, localDate, status }) => ({
        id,
        sequence,
        moduleTitle,
        startsAt,
        localDate,
        status,
      })),
      members: members.map((userId) => {
        const statuses = Object.fromEntries(
          sessions.map((s) => [
            s.id,
            COUNTED.has(s.status) ? effective(byCell.get(`${s.id}/${userId}`)) : null,
          ]),
        );
        const attended = held.filter((s) =>
          ['present', 'partial'].includes(statuses[s.id] ?? ''),
        ).length;
        const excused = held.filter((s) => statuses[s.id] === 'excused').length;
        const counted = held.length - excused;
        return {
          userId,
          displayName: users.find((u) => u.id === userId)?.displayName ?? null,
          attendance: statuses,
          attended,
          rate: counted > 0 ? Math.round((attended / counted) * 1000) / 1000 : null,
        };
      }),
    };
  }

  async groupCsv(groupId: string, actorId: string): Promise<string> {
    const matrix = await this.groupMatrix(groupId, actorId, 'export');
    const header = [
      'member',
      ...matrix.sessions.map((s) => `session ${s.sequence} (${s.localDate})`),
      'attended',
      'rate',
    ];
    const lines = matrix.members.map((member) => [
      member.displayName ?? member.userId,
      ...matrix.sessions.map((s) => member.attendance[s.id] ?? ''),
      member.attended,
      member.rate === null ? '' : member.rate,
    ]);
    return toCsv([header, ...lines]);
  }

  /** The group's facilitators and active members, with their role in it. */
  private async people(group: Group): Promise<Map<string, 'participant' | 'facilitator'>> {
    const people = new Map<string, 'participant' | 'facilitator'>();
    for (const id of await this.enrollments.userIds(group.id, ['active']))
      people.set(id, 'participant');
    for (const id of await this.groups.facilitatorIds(group)) people.set(id, 'facilitator');
    return people;
  }
}
