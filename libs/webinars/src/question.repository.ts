import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan } from 'typeorm';
import type { Page, PageRequest } from '#common';
import { pageOfEntities, type Tx } from '#database';
import { Question, QuestionVote, type QuestionStatus } from './webinar.entity.js';

/** A webinar's questions and their votes. */
@Injectable()
export class QuestionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The question, if it belongs to this webinar. */
  findIn(webinarId: string, id: string): Promise<Question | null> {
    return this.dataSource.getRepository(Question).findOneBy({ id, webinarId });
  }

  /** Whether this registration asked anything after `since`. */
  askedSince(registrationId: string, since: Date): Promise<boolean> {
    return this.dataSource
      .getRepository(Question)
      .existsBy({ registrationId, createdAt: MoreThan(since) });
  }

  create(
    question: Pick<
      Question,
      'webinarId' | 'registrationId' | 'text' | 'anonymous' | 'status' | 'createdAt'
    >,
  ): Promise<Question> {
    return this.dataSource.getRepository(Question).save(question);
  }

  async setStatus(id: string, status: QuestionStatus): Promise<void> {
    await this.dataSource.getRepository(Question).update({ id }, { status });
  }

  /**
   * Records one registration's vote, counted once; answers whether it counted and the votes
   * the question has now (both within `tx`).
   */
  async vote(
    questionId: string,
    registrationId: string,
    tx: Tx,
  ): Promise<{ counted: boolean; votes: number }> {
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(QuestionVote)
      .values({ questionId, registrationId })
      .orIgnore()
      .returning('question_id')
      .execute();
    const counted = (inserted.raw as unknown[]).length === 1;
    if (counted) await tx.increment(Question, { id: questionId }, 'votes', 1);
    const { votes } = await tx.findOneByOrFail(Question, { id: questionId });
    return { counted, votes };
  }

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
}
