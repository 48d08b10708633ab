import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { WebinarHost } from './webinar.entity.js';
import type { WebinarHostView } from './webinar.view.js';

@Injectable()
export class WebinarHostRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  isHost(webinarId: string, userId: string): Promise<boolean> {
    return this.dataSource.getRepository(WebinarHost).existsBy({ webinarId, userId });
  }

  /** Names a host; naming one twice changes nothing. */
  async add(webinarId: string, userId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager)
      .createQueryBuilder()
      .insert()
      .into(WebinarHost)
      .values({ webinarId, userId })
      .orIgnore()
      .execute();
  }

  /** Answers false when the user was not a host of the webinar. */
  async remove(webinarId: string, userId: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(WebinarHost).delete({ webinarId, userId });
    return result.affected === 1;
  }

  list(webinarId: string): Promise<WebinarHostView[]> {
    return this.dataSource
      .getRepository(WebinarHost)
      .createQueryBuilder('h')
      .innerJoin('users', 'u', 'u.id = h.user_id')
      .select(['h.user_id AS "userId"', 'u.display_name AS "displayName"'])
      .where('h.webinar_id = :webinarId', { webinarId })
      .orderBy('h.created_at', 'ASC')
      .getRawMany<WebinarHostView>();
  }
}
