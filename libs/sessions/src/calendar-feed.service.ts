import { Injectable } from '@nestjs/common';
import ical, { ICalEventStatus } from 'ical-generator';
import { NotFoundError, SignedTokens } from '#common';
import { AppConfig } from '#config';
import { EnrollmentRepository, GroupRepository } from '#groups';
import type { Group } from '#groups';
import type { User } from '#identity';
import { UserRepository } from '#identity';
import { MembershipRepository } from '#organizations';
import { type CalendarFeedLink, sessionTitle } from './session-view.js';
import { SessionRepository } from './session.repository.js';

/**
 * A secret ICS address per person with the sessions of the groups they facilitate or hold a seat
 * in. The token is `<userId>.<HMAC>` bound to the user's feed version, which a new password or a
 * reclaimed account raises: nothing to store, nothing to leak from the database. Events
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
    private readonly memberships: MembershipRepository,
    private readonly config: AppConfig,
  ) {
    this.tokens = new SignedTokens(config.JWT_SECRET, 'calendar-feed');
  }

  async urlFor(userId: string): Promise<CalendarFeedLink> {
    const user = await this.users.findById(userId);
    if (!user) throw new NotFoundError('calendar_not_found', 'No such calendar');
    const token = this.tokens.sign(userId, bound(user));
    return { url: new URL(`/api/v1/calendar/${token}.ics`, this.config.PUBLIC_URL).toString() };
  }

  async render(token: string): Promise<string> {
    const userId = await this.userOf(token);
    const [facilitated, seated, memberships] = await Promise.all([
      this.groups.facilitatedGroupIds(userId),
      this.enrollments.groupIdsOf(userId, ['active']),
      this.memberships.listForUser(userId),
    ]);
    const candidates = await Promise.all(
      [...new Set([...facilitated, ...seated])].map((id) => this.groups.findById(id)),
    );
    // As in GroupAccess: nobody sees a group of an organization they do not belong to (a lead
    // facilitator whose account was reclaimed, say).
    const organizationIds = new Set(memberships.map((m) => m.organizationId));
    const groups = candidates.filter(
      (g): g is Group => g !== null && organizationIds.has(g.organizationId),
    );
    const sessions = await this.sessions.listForGroups(groups.map((g) => g.id));
    const groupName = new Map(groups.map((g) => [g.id, g.name]));
    const calendar = ical({ name: 'Hearth sessions', prodId: '//Hearth//Sessions//EN' });
    for (const session of sessions) {
      const link = new URL(`/sessions/${session.id}/join`, this.config.PUBLIC_URL).toString();
      calendar.createEvent({
        id: `session-${session.id}@hearth`,
        sequence: session.revision,
        stamp: session.updatedAt,
        start: session.startsAt,
        end: session.endsAt,
        summary: `${groupName.get(session.groupId) ?? 'Group'}: ${sessionTitle(session)}`,
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
    const user = userId && (await this.users.findById(userId));
    if (!user || !this.tokens.verify(token, user.id, bound(user))) throw invalid;
    return user.id;
  }
}

/** Version 0 binds nothing, so the feed addresses handed out before versions existed still work. */
const bound = (user: User): string => (user.feedVersion ? `v${user.feedVersion}` : '');
