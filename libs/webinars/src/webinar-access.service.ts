import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError, UnauthenticatedError, SignedTokens } from '#common';
import { AppConfig } from '#config';
import { UserRepository } from '#identity';
import {
  MembershipRepository,
  OrganizationAccess,
  FACILITATOR_ROLES,
  MANAGER_ROLES,
} from '#organizations';
import { RegistrationRepository } from './registration.repository.js';
import type { Registration, Webinar, WebinarSpeaker } from './webinar.entity.js';
import { WebinarRepository } from './webinar.repository.js';

/** Who is calling a webinar route: a host (staff, bearer), a speaker or an attendee (access key). */
export type WebinarActor =
  | { kind: 'host'; webinar: Webinar; userId: string; displayName: string }
  | { kind: 'speaker'; webinar: Webinar; speaker: WebinarSpeaker }
  | { kind: 'attendee'; webinar: Webinar; registration: Registration };

export interface Credentials {
  userId?: string;
  accessKey?: string;
}

const webinarNotFound = () => new NotFoundError('webinar_not_found', 'No such webinar');

/**
 * The one policy for webinars: every service and route asks it who may read or act.
 * Access keys are signed from the registration (or speaker) id: nothing secret is stored and the
 * worker can rebuild the link for an e-mail. They travel in the X-Access-Key header, never in a
 * URL the server sees.
 * Hosts: an owner/admin of the organization, or a staff member named as a host of this webinar
 * (its creator is named when it is created). Other staff get 403; anyone outside the
 * organization 404. Only "not found" becomes a 404: a database error propagates.
 */
@Injectable()
export class WebinarAccess {
  readonly attendeeKeys: SignedTokens;
  readonly speakerKeys: SignedTokens;

  constructor(
    private readonly webinars: WebinarRepository,
    private readonly registrations: RegistrationRepository,
    private readonly memberships: MembershipRepository,
    private readonly organizations: OrganizationAccess,
    private readonly users: UserRepository,
    config: AppConfig,
  ) {
    this.attendeeKeys = new SignedTokens(config.JWT_SECRET, 'webinar-attendee');
    this.speakerKeys = new SignedTokens(config.JWT_SECRET, 'webinar-speaker');
  }

  /** Anyone may read a webinar's public details. */
  async webinar(webinarId: string): Promise<Webinar> {
    const webinar = await this.webinars.findById(webinarId);
    if (!webinar) throw webinarNotFound();
    return webinar;
  }

  async actor(webinarId: string, credentials: Credentials): Promise<WebinarActor> {
    if (credentials.accessKey) return this.keyHolder(webinarId, credentials.accessKey);
    if (credentials.userId) return this.member(webinarId, credentials.userId);
    throw new UnauthenticatedError('missing_credentials', 'Give your X-Access-Key, or sign in');
  }

  async host(webinarId: string, credentials: Credentials) {
    const actor = await this.actor(webinarId, credentials);
    if (actor.kind !== 'host') throw this.notHost();
    return actor;
  }

  /** Naming and removing hosts: an owner/admin of the webinar's organization only. */
  async manager(webinarId: string, userId: string): Promise<Webinar> {
    const webinar = await this.webinar(webinarId);
    await this.organizations.requireRole(
      webinar.organizationId,
      userId,
      MANAGER_ROLES,
      webinarNotFound,
    );
    return webinar;
  }

  /** An attendee's or speaker's key; the webinar and the key's row are read together. */
  private async keyHolder(webinarId: string, key: string): Promise<WebinarActor> {
    const registrationId = this.attendeeKeys.idOf(key);
    if (registrationId && this.attendeeKeys.verify(key, registrationId)) {
      const found = await this.registrations.findWithWebinar(webinarId, registrationId);
      if (!found) throw webinarNotFound();
      const { webinar, registration } = found;
      if (registration) return { kind: 'attendee', webinar, registration };
    }
    const speakerId = this.speakerKeys.idOf(key);
    if (speakerId && this.speakerKeys.verify(key, speakerId)) {
      const [webinar, speaker] = await Promise.all([
        this.webinar(webinarId),
        this.webinars.findSpeakerIn(webinarId, { id: speakerId }),
      ]);
      if (speaker) return { kind: 'speaker', webinar, speaker };
    }
    // An unknown webinar is a 404 whatever the key.
    await this.webinar(webinarId);
    throw new UnauthenticatedError(
      'invalid_access_key',
      'This access key is not valid for this webinar',
    );
  }

  /** A signed-in user: a host, a speaker signed in with the invited address, or nobody here. */
  private async member(webinarId: string, userId: string): Promise<WebinarActor> {
    const webinar = await this.webinar(webinarId);
    const [membership, user, named] = await Promise.all([
      this.memberships.find(webinar.organizationId, userId),
      this.users.findById(userId),
      this.webinars.isHost(webinar.id, userId),
    ]);
    const staff = !!user && !!membership && FACILITATOR_ROLES.includes(membership.role);
    if (staff && (MANAGER_ROLES.includes(membership.role) || named)) {
      return { kind: 'host', webinar, userId: user.id, displayName: user.displayName };
    }
    const speaker =
      user?.emailVerifiedAt &&
      (await this.webinars.findSpeakerIn(webinar.id, { email: user.email }));
    if (speaker) return { kind: 'speaker', webinar, speaker };
    // Staff of the same organization know the webinar exists: 403, not 404.
    if (staff) throw this.notHost();
    throw webinarNotFound();
  }

  private notHost(): ForbiddenError {
    return new ForbiddenError('hosts_only', "Only the webinar's hosts can do this");
  }
}
