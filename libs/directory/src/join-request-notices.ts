import { Injectable } from '@nestjs/common';
import type { Group } from '#groups';
import { GroupRepository } from '#groups';
import { NotificationRepository } from '#reminders';
import { JoinRequestEmailQueue } from './join-request-email/join-request-email.queue.js';
import { answerLanguage, MESSAGES, NEW_REQUEST_NOTICE } from './join-request-messages.js';
import type { JoinRequest } from './join-request.entity.js';

/** Where the person reads the answer: their requests, behind sign-in. */
export const MY_REQUESTS_PATH = '/me/requests';

/** Where the group's facilitators answer requests. */
export const groupRequestsPath = (groupId: string) => `/groups/${groupId}/requests`;

/**
 * Who is told what about a request: nothing names the group, its topic or the person, since
 * notifications show on lock screens; the answer itself is read behind sign-in.
 */
@Injectable()
export class JoinRequestNotices {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly groups: GroupRepository,
    private readonly emails: JoinRequestEmailQueue,
  ) {}

  /**
   * The group's facilitators, in English like every staff notice (the group's language need not
   * be theirs): someone asked (nobody named). The notice is about the requester, so erasing them
   * takes it back.
   */
  async newRequest(group: Group, requesterId: string): Promise<void> {
    for (const userId of await this.groups.facilitatorIds(group)) {
      await this.notifications.add({
        userId,
        kind: 'join_request',
        title: NEW_REQUEST_NOTICE.title,
        body: NEW_REQUEST_NOTICE.body,
        sessionId: null,
        subjectUserId: requesterId,
        link: groupRequestsPath(group.id),
      });
    }
  }

  /** The person, in the language they asked in: in the app, then by e-mail (after the commit). */
  async answered(request: JoinRequest): Promise<void> {
    const { status } = request;
    if (status !== 'approved' && status !== 'waitlisted' && status !== 'declined') return;
    const messages = MESSAGES[answerLanguage(request.language)];
    await this.notifications.add({
      userId: request.userId,
      kind: 'join_request_answer',
      title: messages.answerTitle,
      body: messages.answerBody[status],
      sessionId: null,
      link: MY_REQUESTS_PATH,
    });
    await this.emails.add({ requestId: request.id });
  }
}
