import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Page, PageRequest } from '#common';
import { pageOfEntities } from '#database';
import { Question, type QuestionStatus, Registration } from './webinar.entity.js';

@Injectable()
export class QuestionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One page of a webinar's questions, the most voted first, then the oldest. Hosts see all;
   * `viewer` (a registration) sees visible and answered ones and their own. Votes change while
   * people page: a question whose votes cross the cursor between two requests is skipped or
   * shown twice, so clients re-read from the first page (the webinar page polls it) for the
   * current order.
   */
  pageForWebinar(
    webinarId: string,
    viewer: { host: true } | { host: false; registrationId: string | null },
    page: PageRequest,
    status?: QuestionStatus,
  ): Promise<Page<Question>> {
    const query = this.dataSource
      .getRepository(Question)
      .createQueryBuilder('q')
      .where('q.webinar_id = :webinarId', { webinarId });
    if (status) query.andWhere('q.status = :status', { status });
    if (!viewer.host) {
      query.andWhere("(q.status IN ('visible', 'answered') OR q.registration_id = :mine)", {
        mine: viewer.registrationId,
      });
    }
    return pageOfEntities(
      query,
      [
        { expression: 'q.votes', type: 'integer', order: 'DESC' },
        { expression: 'q.created_at', type: 'timestamp' },
        { expression: 'q.id', type: 'uuid' },
      ],
      page,
    );
  }

  /** The display names of these registrations, by id. */
  async authorNames(registrationIds: string[]): Promise<Map<string, string>> {
    if (!registrationIds.length) return new Map();
    const rows = await this.dataSource
      .getRepository(Registration)
      .find({ where: { id: In(registrationIds) }, select: { id: true, displayName: true } });
    return new Map(rows.map((r) => [r.id, r.displayName]));
  }
}
