import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Page, PageRequest } from '#common';
import { pageOfEntities } from '#database';
import { Registration, Webinar, WebinarSpeaker } from './webinar.entity.js';

@Injectable()
export class WebinarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page of an organization's webinars, the latest start first. */
  pageForOrganization(organizationId: string, page: PageRequest): Promise<Page<Webinar>> {
    const query = this.dataSource
      .getRepository(Webinar)
      .createQueryBuilder('w')
      .where('w.organization_id = :organizationId', { organizationId });
    return pageOfEntities(
      query,
      [
        { expression: 'w.starts_at', type: 'timestamp', order: 'DESC' },
        { expression: 'w.id', type: 'uuid', order: 'DESC' },
      ],
      page,
    );
  }

  /** How many people registered for each of these webinars, by id (absent: none). */
  async registrationCounts(webinarIds: string[]): Promise<Map<string, number>> {
    if (!webinarIds.length) return new Map();
    const rows = await this.dataSource
      .getRepository(Registration)
      .createQueryBuilder('r')
      .select('r.webinar_id', 'webinarId')
      .addSelect('count(*)::int', 'count')
      .where('r.webinar_id IN (:...webinarIds)', { webinarIds })
      .groupBy('r.webinar_id')
      .getRawMany<{ webinarId: string; count: number }>();
    return new Map(rows.map((row) => [row.webinarId, row.count]));
  }

  /** A webinar's guest speakers in the order they were invited. */
  speakers(webinarId: string): Promise<WebinarSpeaker[]> {
    return this.dataSource
      .getRepository(WebinarSpeaker)
      .find({ where: { webinarId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
