import { Injectable } from '@nestjs/common';
import {
  Clock,
  DomainError,
  ForbiddenError,
  NotFoundError,
  mapPage,
  type Page,
  type PageRequest,
} from '#common';
import { Transactions } from '#database';
import { QuestionRepository } from './question.repository.js';
import { RegistrationRepository } from './registration.repository.js';
import { type Credentials, WebinarAccess } from './webinar-access.service.js';
import type { AskQuestionDto } from './webinar.dto.js';
import type { QuestionStatus } from './webinar.entity.js';
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
    private readonly access: WebinarAccess,
    private readonly questions: QuestionRepository,
    private readonly registrations: RegistrationRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async ask(
    webinarId: string,
    credentials: Credentials,
    input: AskQuestionDto,
  ): Promise<QuestionAsked> {
    const actor = await this.access.actor(webinarId, credentials);
    if (actor.kind !== 'attendee')
      throw new ForbiddenError('attendees_only', 'Questions come from the audience');
    // Asked at the clock's time, so the interval is measured on one clock.
    const now = this.clock.millis();
    const recent = await this.questions.askedSince(
      actor.registration.id,
      new Date(now - QUESTION_INTERVAL_MS),
    );
    if (recent)
      throw new DomainError(
        'rate_limited',
        'rate_limited',
        'One question at a time: try again shortly',
      );
    const status: QuestionStatus = actor.webinar.qaModeration ? 'held' : 'visible';
    const question = await this.questions.create({
      webinarId: actor.webinar.id,
      registrationId: actor.registration.id,
      text: input.text,
      anonymous: input.anonymous ?? false,
      status,
      createdAt: new Date(now),
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
    const authors = await this.registrations.displayNames(
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
    // API.md: 200 either way, counted once per registration.
    const { votes, counted } = await this.transactions.run((tx) =>
      this.questions.vote(question.id, actor.registration.id, tx),
    );
    return { id: question.id, votes, counted };
  }

  async setStatus(
    webinarId: string,
    questionId: string,
    credentials: Credentials,
    status: QuestionStatus,
  ): Promise<QuestionStatusView> {
    const { webinar } = await this.access.host(webinarId, credentials);
    const question = await this.questions.findIn(webinar.id, questionId);
    if (!question) throw new NotFoundError('question_not_found', 'No such question');
    await this.questions.setStatus(question.id, status);
    return { id: question.id, status };
  }

  private async visibleQuestion(webinarId: string, questionId: string, registrationId: string) {
    const question = await this.questions.findIn(webinarId, questionId);
    const visible =
      question &&
      (question.status === 'visible' ||
        question.status === 'answered' ||
        question.registrationId === registrationId);
    if (!question || !visible) throw new NotFoundError('question_not_found', 'No such question');
    return question;
  }
}
