import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toCsv } from '#common/csv.js';
import { isUuid } from '#common/validation.js';
import { roomNameForWebinar, VideoService } from '#video/video.service.js';
import { type Credentials, WebinarAccess } from '#webinars/webinar-access.service.js';
import { Registration, type Webinar, WebinarAttendance } from '#webinars/webinar.entity.js';
import { AttendanceRepository } from './attendance.repository.js';
import { computePresence } from './presence.js';

export const webinarIdOfRoom = (room: string) =>
  /^webinar-([0-9a-f-]{36})$/.exec(room)?.[1] ?? null;
const registrationIdOf = (identity: string) => /^reg-([0-9a-f-]{36})$/.exec(identity)?.[1] ?? null;

/**
 * Who came to a webinar and for how long, from the same stored webhooks as sessions (attendees'
 * identities are `reg-<registrationId>`). Reports give counts and minutes to hosts only.
 */
@Injectable()
export class WebinarAttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attendance: AttendanceRepository,
    private readonly access: WebinarAccess,
    private readonly video: VideoService,
  ) {}

  /** An attendee who reconnects with a token from before a demotion stops publishing again. */
  async enforceDemotion(webinar: Webinar, identity: string): Promise<void> {
    const registrationId = registrationIdOf(identity);
    if (!registrationId) return;
    const registration = await this.dataSource
      .getRepository(Registration)
      .findOneBy({ id: registrationId, webinarId: webinar.id });
    if (registration && !registration.promoted) {
      await this.video.setPublishing(roomNameForWebinar(webinar.id), identity, false);
    }
  }

  async recompute(webinar: Webinar, identity: string): Promise<void> {
    const registrationId = registrationIdOf(identity);
    if (!registrationId) return; // hosts and speakers are not the audience
    const registration = await this.dataSource
      .getRepository(Registration)
      .findOneBy({ id: registrationId, webinarId: webinar.id });
    if (!registration) return;
    const presence = computePresence({
      events: await this.attendance.presenceEvents(roomNameForWebinar(webinar.id), identity),
      startsAt: webinar.startsAt,
      endsAt: new Date(webinar.startsAt.getTime() + webinar.durationMinutes * 60_000),
      now: new Date(),
      presentPercent: 100,
    });
    await this.dataSource
      .getRepository(WebinarAttendance)
      .createQueryBuilder()
      .insert()
      .values({
        registrationId,
        webinarId: webinar.id,
        minutesWatched: presence.minutesPresent.toFixed(2),
        firstJoinedAt: presence.firstJoinedAt,
        lastLeftAt: presence.lastLeftAt,
        final: presence.final,
      })
      .orUpdate(
        ['minutes_watched', 'first_joined_at', 'last_left_at', 'final'],
        ['registration_id'],
      )
      .execute();
  }

  async recomputeAll(webinar: Webinar): Promise<void> {
    for (const identity of await this.attendance.identitiesIn(roomNameForWebinar(webinar.id))) {
      await this.recompute(webinar, identity);
    }
  }

  async webinarFor(roomName: string): Promise<Webinar | null> {
    const id = webinarIdOfRoom(roomName);
    return id && isUuid(id) ? this.access.webinar(id).catch(() => null) : null;
  }

  /** Counts for the organization, and per registration the name they gave and minutes watched. */
  async report(webinarId: string, credentials: Credentials) {
    const { webinar } = await this.access.host(webinarId, credentials);
    const registrations = await this.dataSource
      .getRepository(Registration)
      .find({ where: { webinarId: webinar.id }, order: { createdAt: 'ASC' } });
    const rows = await this.dataSource
      .getRepository(WebinarAttendance)
      .findBy({ webinarId: webinar.id });
    // A report bounded by the webinar's capacity; looked up by id, as it may reach 100,000 rows.
    const byRegistration = new Map(rows.map((a) => [a.registrationId, a]));
    const items = registrations.map((r) => {
      const row = byRegistration.get(r.id);
      const minutes = Number(row?.minutesWatched ?? 0);
      return {
        registrationId: r.id,
        displayName: r.displayName,
        attended: minutes > 0,
        minutesWatched: minutes,
      };
    });
    const came = items.filter((i) => i.attended);
    return {
      registered: items.length,
      attended: came.length,
      averageMinutesWatched: came.length
        ? Math.round((came.reduce((sum, i) => sum + i.minutesWatched, 0) / came.length) * 10) / 10
        : 0,
      items,
    };
  }

  async csv(webinarId: string, credentials: Credentials): Promise<string> {
    const report = await this.report(webinarId, credentials);
    const lines = [
      ['attendee', 'attended', 'minutes watched'],
      ...report.items.map((i) => [i.displayName, i.attended ? 'yes' : 'no', i.minutesWatched]),
    ];
    return toCsv(lines);
  }
}
