import { Injectable } from '@nestjs/common';
import ical, { ICalEventStatus } from 'ical-generator';
import { NotFoundError } from '#common/domain-error.js';
import { SignedTokens } from '#common/signed-token.js';
import { AppConfig } from '#config/app-config.js';
import { EnrollmentRepository } from '#groups/enrollment.repository.js';
import { GroupRepository } from '#groups/group.repository.js';
import { UserRepository } from '#identity/user.repository.js';
import { SessionRepository } from './session.repository.js';

/**
 * A secret ICS address per person with the sessions of the groups they facilitate or hold a seat
 * in. The token is `<userId>.<HMAC>`: nothing to store, nothing to leak from the database. Events
 * carry the group and module only: no other member's name or e-mail, no organizer, no attendees.
 * UIDs are the session ids and SEQUENCE its revision, so clients update instead of duplicating.
 */
@Injectable()
export class CalendarFeedService {
  private readonly tokens: SignedTokens;

  constructor(
    private readonly sessions: SessionRepository,
    private readonly groups: GroupRepository,
    private readonly enrollments: EnrollmentRepository,
    private readonly users: UserRepository,
    private readonly config: AppConfig,
  ) {
    this.tokens = new SignedTokens(config.JWT_SECRET, 'calendar-feed');
  }

  urlFor(userId: string): { url: string } {
    const token = this.tokens.sign(userId);
    return { url: new URL(`/api/v1/calendar/${token}.ics`, this.config.PUBLIC_URL).toString() };
  }

  async render(token: string): Promise<string> {
    const userId = await this.userOf(token);
    const [facilitated, seated] = await Promise.all([
      this.groups.facilitatedGroupIds(userId),
      this.enrollments.groupIdsOf(userId, ['active']),
    ]);
    const groupIds = [...new Set([...facilitated, ...seated])];
    const [sessions, groups] = await Promise.all([
      this.sessions.listForGroups(groupIds),
      Promise.all(groupIds.map((id) => this.groups.findById(id))),
    ]);
    const groupName = new Map(groups.filter((g) => g !== null).map((g) => [g.id, g.name]));
    const calendar = ical({ name: 'Hearth sessions', prodId: '//Hearth//Sessions//EN' });
    for (const session of sessions) {
      const link = new URL(`/join/#session=${session.id}`, this.config.PUBLIC_URL).toString();
      calendar.createEvent({
        id: `session-${session.id}@hearth`,
        sequence: session.revision,
        stamp: session.updatedAt,
        start: session.startsAt,
        end: session.endsAt,
        summary: `${groupName.get(session.groupId) ?? 'Group'}: ${session.moduleTitle}`,
        description: `Session ${session.sequence}. Join from Hearth: ${link}`,
        url: link,
        status:
          session.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    }
    return calendar.toString();
  }

  private async userOf(token: string): Promise<string> {
    const invalid = new NotFoundError('calendar_not_found', 'No such calendar');
    const userId = this.tokens.idOf(token);
    if (!userId || !this.tokens.verify(token, userId)) throw invalid;
    if (!(await this.users.findById(userId))) throw invalid;
    return userId;
  }
}
