import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ForbiddenError, NotFoundError, UnauthenticatedError, SignedTokens, isUuid } from '#common';
import { AppConfig } from '#config';
import { UserRepository } from '#identity';
import { MembershipRepository, FACILITATOR_ROLES, MANAGER_ROLES } from '#organizations';
import { WebinarHostRepository } from './webinar-host.repository.js';
import { Registration, Webinar, WebinarSpeaker } from './webinar.entity.js';

/** Who is calling a webinar route: a host (staff, bearer), a speaker or an attendee (access key). */
export type WebinarActor =
  | { kind: 'host'; webinar: Webinar; userId: string; displayName: string }
  | { kind: 'speaker'; webinar: Webinar; speaker: WebinarSpeaker }
  | { kind: 'attendee'; webinar: Webinar; registration: Registration };

export interface Credentials {
  userId?: string;
  accessKey?: string;
}

/**
 * Access keys are signed from the registration (or speaker) id: nothing secret is stored and the
 * worker can rebuild the link for an e-mail. They travel in the X-Access-Key header, never in a
 * URL the server sees.
 * The one place that decides who hosts: an owner/admin of the organization, or a staff member
 * named as a host of this webinar (its creator is named when it is created). Other staff get
 * 403; anyone outside the organization 404.
 */
@Injectable()
export class WebinarAccess {
  readonly attendeeKeys: SignedTokens;
  readonly speakerKeys: SignedTokens;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly memberships: MembershipRepository,
    private readonly users: UserRepository,
    private readonly hosts: WebinarHostRepository,
    config: AppConfig,
  ) {
    this.attendeeKeys = new SignedTokens(config.JWT_SECRET, 'webinar-attendee');
    this.speakerKeys = new SignedTokens(config.JWT_SECRET, 'webinar-speaker');
  }

  async webinar(webinarId: string): Promise<Webinar> {
    const webinar = isUuid(webinarId)
      ? await this.dataSource.getRepository(Webinar).findOneBy({ id: webinarId })
      : null;
    if (!webinar) throw new NotFoundError('webinar_not_found', 'No such webinar');
    return webinar;
  }

  async actor(webinarId: string, credentials: Credentials): Promise<WebinarActor> {
    const webinar = await this.webinar(webinarId);
    if (credentials.accessKey) {
      const key = credentials.accessKey;
      const registrationId = this.attendeeKeys.idOf(key);
      if (registrationId && this.attendeeKeys.verify(key, registrationId)) {
        const registration = await this.dataSource
          .getRepository(Registration)
          .findOneBy({ id: registrationId, webinarId: webinar.id });
        if (registration) return { kind: 'attendee', webinar, registration };
      }
      const speakerId = this.speakerKeys.idOf(key);
      if (speakerId && this.speakerKeys.verify(key, speakerId)) {
        const speaker = await this.dataSource
          .getRepository(WebinarSpeaker)
          .findOneBy({ id: speakerId, webinarId: webinar.id });
        if (speaker) return { kind: 'speaker', webinar, speaker };
      }
      throw new UnauthenticatedError(
        'invalid_access_key',
        'This access key is not valid for this webinar',
      );
    }
    if (credentials.userId) {
      const [membership, user] = await Promise.all([
        this.memberships.find(webinar.organizationId, credentials.userId),
        this.users.findById(credentials.userId),
      ]);
      const staff = !!user && !!membership && FACILITATOR_ROLES.includes(membership.role);
      if (
        staff &&
        (MANAGER_ROLES.includes(membership.role) || (await this.hosts.isHost(webinar.id, user.id)))
      ) {
        return { kind: 'host', webinar, userId: user.id, displayName: user.displayName };
      }
      const speaker =
        user?.emailVerifiedAt &&
        (await this.dataSource
          .getRepository(WebinarSpeaker)
          .findOneBy({ webinarId: webinar.id, email: user.email }));
      if (speaker) return { kind: 'speaker', webinar, speaker };
      // Staff of the same organization know the webinar exists: 403, not 404.
      if (staff) throw this.notHost();
      throw new NotFoundError('webinar_not_found', 'No such webinar');
    }
    throw new UnauthenticatedError('missing_credentials', 'Give your X-Access-Key, or sign in');
  }

  async host(webinarId: string, credentials: Credentials) {
    const actor = await this.actor(webinarId, credentials);
    if (actor.kind !== 'host') throw this.notHost();
    return actor;
  }

  private notHost(): ForbiddenError {
    return new ForbiddenError('hosts_only', "Only the webinar's hosts can do this");
  }
}
