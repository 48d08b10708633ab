import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Page, PageRequest } from '#common';
import { pageOfRaw } from '#database';
import { WebinarAttendance } from './webinar.entity.js';

/** One registration of a webinar with the minutes its attendee watched. */
export interface WebinarAttendeeRow {
  registrationId: string;
  displayName: string;
  registeredAt: Date;
  minutesWatched: number;
}

export interface WebinarAttendanceTotals {
  registered: number;
  attended: number;
  averageMinutesWatched: number;
}

/**
 * What each registration watched. The attendance lib computes it from the video server's
 * events and stores it here, through this repository.
 */
@Injectable()
export class WebinarAttendanceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Replaces what one registration watched. */
  async save(row: WebinarAttendance): Promise<void> {
    await this.dataSource
      .getRepository(WebinarAttendance)
      .createQueryBuilder()
      .insert()
      .values(row)
      .orUpdate(
        ['minutes_watched', 'first_joined_at', 'last_left_at', 'final'],
        ['registration_id'],
      )
      .execute();
  }

  /** Registrations and who came, counted in the database (a webinar may have 100,000). */
  async totals(webinarId: string): Promise<WebinarAttendanceTotals> {
    const [row] = await this.dataSource.query<
      { registered: string; attended: string; average: string | null }[]
    >(
      `SELECT count(*) AS registered,
              count(*) FILTER (WHERE a.minutes_watched > 0) AS attended,
              avg(a.minutes_watched) FILTER (WHERE a.minutes_watched > 0) AS average
         FROM webinar_registrations r
         LEFT JOIN webinar_attendance a ON a.registration_id = r.id
        WHERE r.webinar_id = $1`,
      [webinarId],
    );
    return {
      registered: Number(row.registered),
      attended: Number(row.attended),
      averageMinutesWatched: Math.round(Number(row.average ?? 0) * 10) / 10,
    };
  }

  /** A page of a webinar's registrations with minutes watched, in the order people registered. */
  pageAttendees(webinarId: string, page: PageRequest): Promise<Page<WebinarAttendeeRow>> {
    const query = this.dataSource
      .createQueryBuilder()
      .from('webinar_registrations', 'r')
      .leftJoin('webinar_attendance', 'a', 'a.registration_id = r.id')
      .select([
        'r.id AS "registrationId"',
        'r.display_name AS "displayName"',
        'r.created_at AS "registeredAt"',
        'COALESCE(a.minutes_watched, 0)::float8 AS "minutesWatched"',
      ])
      .where('r.webinar_id = :webinarId', { webinarId });
    return pageOfRaw<WebinarAttendeeRow>(
      query,
      [
        { expression: 'r.created_at', type: 'timestamp' },
        { expression: 'r.id', type: 'uuid' },
      ],
      page,
    );
  }
}
