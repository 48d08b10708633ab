import { Injectable } from '@nestjs/common';
import { Clock, toCsv, mapPage, type PageRequest, isUuid } from '#common';
import { roomNameForWebinar, VideoService } from '#video';
import {
  type Credentials,
  RegistrationRepository,
  type Webinar,
  WebinarAccess,
  WebinarAttendanceRepository,
  type WebinarAttendeeRow,
  WebinarRepository,
} from '#webinars';
import { AttendanceRepository } from './attendance.repository.js';
import type { WebinarAttendanceReport, WebinarAttendeeView } from './attendance.view.js';
import { computePresence } from './presence.js';

const CSV_PAGE = 1_000;

const toReportItem = (row: WebinarAttendeeRow): WebinarAttendeeView => ({
  registrationId: row.registrationId,
  displayName: row.displayName,
  registeredAt: row.registeredAt,
  attended: row.minutesWatched > 0,
  minutesWatched: row.minutesWatched,
});

export const webinarIdOfRoom = (room: string) =>
  /^webinar-([0-9a-f-]{36})$/.exec(room)?.[1] ?? null;
const registrationIdOf = (identity: string) => /^reg-([0-9a-f-]{36})$/.exec(identity)?.[1] ?? null;

/**
 * Who came to a webinar and for how long, from the same stored webhooks as sessions (attendees'
 * identities are `reg-<registrationId>`). Reports give counts and minutes to hosts only. The
 * webinar's rows are the webinars lib's: read and written through its repositories.
 */
@Injectable()
export class WebinarAttendanceService {
  constructor(
    private readonly attendance: AttendanceRepository,
    private readonly access: WebinarAccess,
    private readonly webinars: WebinarRepository,
    private readonly registrations: RegistrationRepository,
    private readonly watched: WebinarAttendanceRepository,
    private readonly video: VideoService,
    private readonly clock: Clock,
  ) {}

  /** An attendee who reconnects with a token from before a demotion stops publishing again. */
  async enforceDemotion(webinar: Webinar, identity: string): Promise<void> {
    const registrationId = registrationIdOf(identity);
    if (!registrationId) return;
    const registration = await this.registrations.findIn(webinar.id, registrationId);
    if (registration && !registration.promoted) {
      await this.video.setPublishing(roomNameForWebinar(webinar.id), identity, false);
    }
  }

  async recompute(webinar: Webinar, identity: string): Promise<void> {
    const registrationId = registrationIdOf(identity);
    if (!registrationId) return; // hosts and speakers are not the audience
    const registration = await this.registrations.findIn(webinar.id, registrationId);
    if (!registration) return;
    const presence = computePresence({
      events: await this.attendance.presenceEvents(roomNameForWebinar(webinar.id), identity),
      startsAt: webinar.startsAt,
      endsAt: new Date(webinar.startsAt.getTime() + webinar.durationMinutes * 60_000),
      now: this.clock.now(),
      presentPercent: 100,
    });
    await this.watched.save({
      registrationId,
      webinarId: webinar.id,
      minutesWatched: presence.minutesPresent.toFixed(2),
      firstJoinedAt: presence.firstJoinedAt,
      lastLeftAt: presence.lastLeftAt,
      final: presence.final,
    });
  }

  async recomputeAll(webinar: Webinar): Promise<void> {
    for (const identity of await this.attendance.identitiesIn(roomNameForWebinar(webinar.id))) {
      await this.recompute(webinar, identity);
    }
  }

  /** The webinar of a room, or null. The id comes from a webhook's room name, so it is checked. */
  async webinarFor(roomName: string): Promise<Webinar | null> {
    const id = webinarIdOfRoom(roomName);
    return id && isUuid(id) ? this.webinars.findById(id) : null;
  }

  /** Counts for the whole webinar, and a page of registrations with the minutes each watched. */
  async report(
    webinarId: string,
    credentials: Credentials,
    page: PageRequest,
  ): Promise<WebinarAttendanceReport> {
    const { webinar } = await this.access.host(webinarId, credentials);
    const [totals, attendees] = await Promise.all([
      this.watched.totals(webinar.id),
      this.watched.pageAttendees(webinar.id, page),
    ]);
    return { ...totals, ...mapPage(attendees, toReportItem) };
  }

  /** Every registration, read a page at a time (an export, bounded by the webinar's capacity). */
  async csv(webinarId: string, credentials: Credentials): Promise<string> {
    const { webinar } = await this.access.host(webinarId, credentials);
    const lines: (string | number)[][] = [['attendee', 'attended', 'minutes watched']];
    let cursor: string | undefined;
    do {
      const page = await this.watched.pageAttendees(webinar.id, { limit: CSV_PAGE, cursor });
      for (const item of page.items.map(toReportItem)) {
        lines.push([item.displayName, item.attended ? 'yes' : 'no', item.minutesWatched]);
      }
      cursor = page.nextCursor;
    } while (cursor);
    return toCsv(lines);
  }
}
