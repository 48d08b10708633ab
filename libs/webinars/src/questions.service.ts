import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan } from 'typeorm';
import {
  DomainError,
  ForbiddenError,
  NotFoundError,
  mapPage,
  type Page,
  type PageRequest,
  isUuid,
} from '#common';
import { QuestionRepository } from './question.repository.js';
import { type Credentials, WebinarAccess } from './webinar-access.service.js';
import type { AskQuestionDto } from './webinar.dto.js';
import { Question, QuestionVote, type QuestionStatus } from './webinar.entity.js';
import type {
  QuestionAsked,
  QuestionStatusView,
  QuestionView,
  VoteResult,
} from './webinar.view.js';

/** An attendee may ask one question per this many milliseconds. */
const QUESTION_INTERVAL_MS = 20_000;

/**
 * Moderated Q&A. Attendees see visible and answered questions, plus their own; hosts see all.
 * Questions go through the api only, never through LiveKit data packets, which reach everyone.
 */
@Injectable()
export class QuestionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: WebinarAccess,
    private readonly questions: QuestionRepository,
  ) {}

  async ask(
    webinarId: string,
    credentials: Credentials,
    input: AskQuestionDto,
  ): Promise<QuestionAsked> {
    const actor = await this.access.actor(webinarId, credentials);
    if (actor.kind !== 'attendee')
      throw new ForbiddenError('attendees_only', 'Questions come from the audience');
    const questions = this.dataSource.getRepository(Question);
    const recent = await questions.existsBy({
      registrationId: actor.registration.id,
      createdAt: MoreThan(new Date(Date.now() - QUESTION_INTERVAL_MS)),
    });
    if (recent)
      throw new DomainError(
        'rate_limited',
        'rate_limited',
        'One question at a time: try again shortly',
      );
    const status: QuestionStatus = actor.webinar.qaModeration ? 'held' : 'visible';
    const question = await questions.save({
      webinarId: actor.webinar.id,
      registrationId: actor.registration.id,
      text: input.text,
      anonymous: input.anonymous ?? false,
      status,
    });
    return { id: question.id, status: question.status };
  }

  /** The most voted first; see QuestionRepository.pageForWebinar for paging while votes change. */
  async list(
    webinarId: string,
    credentials: Credentials,
    page: PageRequest,
    status?: QuestionStatus,
  ): Promise<Page<QuestionView>> {
    const actor = await this.access.actor(webinarId, credentials);
    const mine = actor.kind === 'attendee' ? actor.registration.id : null;
    const listed = await this.questions.pageForWebinar(
      actor.webinar.id,
      actor.kind === 'host' ? { host: true } : { host: false, registrationId: mine },
      page,
      status,
    );
    const authors = await this.questions.authorNames(
      listed.items.filter((q) => !q.anonymous).map((q) => q.registrationId),
    );
    return mapPage(listed, (q): QuestionView => ({
      id: q.id,
      text: q.text,
      status: q.status,
      votes: q.votes,
      createdAt: q.createdAt,
      // A display name only; anonymous questions show no author to anyone.
      author: q.anonymous ? null : (authors.get(q.registrationId) ?? null),
      mine: q.registrationId === mine,
    }));
  }

  /** One vote per attendee and question, counted in the database. */
  async upvote(
    webinarId: string,
    questionId: string,
    credentials: Credentials,
  ): Promise<VoteResult> {
    const actor = await this.access.actor(webinarId, credentials);
    if (actor.kind !== 'attendee')
      throw new ForbiddenError('attendees_only', 'Votes come from the audience');
    const question = await this.visibleQuestion(
      actor.webinar.id,
      questionId,
      actor.registration.id,
    );
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(QuestionVote)
        .values({ questionId: question.id, registrationId: actor.registration.id })
        .orIgnore()
        .returning('question_id')
        .execute();
      // API.md: 200 either way, counted once per registration.
      const counted = (inserted.raw as unknown[]).length === 1;
      if (counted) await manager.increment(Question, { id: question.id }, 'votes', 1);
      const { votes } = await manager.findOneByOrFail(Question, { id: question.id });
      return { id: question.id, votes, counted };
    });
  }

  async setStatus(
    webinarId: string,
    questionId: string,
    credentials: Credentials,
    status: QuestionStatus,
  ): Promise<QuestionStatusView> {
    const { webinar } = await this.access.host(webinarId, credentials);
    const question = isUuid(questionId)
      ? await this.dataSource
          .getRepository(Question)
          .findOneBy({ id: questionId, webinarId: webinar.id })
      : null;
    if (!question) throw new NotFoundError('question_not_found', 'No such question');
    await this.dataSource.getRepository(Question).update({ id: question.id }, { status });
    return { id: question.id, status };
  }

  private async visibleQuestion(webinarId: string, questionId: string, registrationId: string) {
    const question = isUuid(questionId)
      ? await this.dataSource.getRepository(Question).findOneBy({ id: questionId, webinarId })
      : null;
    const visible =
      question &&
      (question.status === 'visible' ||
        question.status === 'answered' ||
        question.registrationId === registrationId);
    if (!question || !visible) throw new NotFoundError('question_not_found', 'No such question');
    return question;
  }
}
