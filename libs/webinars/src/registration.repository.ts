import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Page, PageRequest } from '#common';
import { pageOfEntities } from '#database';
import { Registration } from './webinar.entity.js';

@Injectable()
export class RegistrationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page of a webinar's registrations in the order they came. */
  pageForWebinar(webinarId: string, page: PageRequest): Promise<Page<Registration>> {
    const query = this.dataSource
      .getRepository(Registration)
      .createQueryBuilder('r')
      .where('r.webinar_id = :webinarId', { webinarId });
    return pageOfEntities(
      query,
      [
        { expression: 'r.created_at', type: 'timestamp' },
        { expression: 'r.id', type: 'uuid' },
      ],
      page,
    );
  }
}
