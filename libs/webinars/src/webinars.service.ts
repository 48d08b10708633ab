import { Injectable } from '@nestjs/common';
import { Clock, ConflictError, NotFoundError, mapPage, type Page, type PageRequest } from '#common';
import { AppConfig } from '#config';
import { Transactions } from '#database';
import { normalizeEmail } from '#identity';
import { OrganizationRepository } from '#organizations';
import { roomNameForWebinar, VideoService } from '#video';
import { RegistrationRepository } from './registration.repository.js';
import { WebinarConfirmationQueue } from './send-webinar-confirmation/webinar-confirmation.queue.js';
import { WebinarReminderQueue } from './send-webinar-reminder/webinar-reminder.queue.js';
import { WebinarSpeakerInvitationQueue } from './send-webinar-speaker-invitation/webinar-speaker-invitation.queue.js';
import { type Credentials, WebinarAccess } from './webinar-access.service.js';
import type { AddSpeakerDto, CreateWebinarDto, RegisterForWebinarDto } from './webinar.dto.js';
import { WebinarRepository } from './webinar.repository.js';
import type {
  PromotionView,
  RegistrationCreated,
  RegistrationView,
  SpeakerList,
  SpeakerView,
  WebinarCreated,
  WebinarJoinGrant,
  WebinarPublicView,
  WebinarSummary,
} from './webinar.view.js';

/** Registering again with the same address re-mails the link at most once per this interval. */
export const CONFIRMATION_RESEND_MINUTES = 10;

@Injectable()
export class WebinarsService {
  constructor(
    private readonly access: WebinarAccess,
    private readonly webinars: WebinarRepository,
    private readonly registrationRepo: RegistrationRepository,
    private readonly transactions: Transactions,
    private readonly video: VideoService,
    private readonly confirmations: WebinarConfirmationQueue,
    private readonly speakerInvitations: WebinarSpeakerInvitationQueue,
    private readonly reminders: WebinarReminderQueue,
    private readonly organizations: OrganizationRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async create(
    organizationId: string,
    userId: string,
    input: CreateWebinarDto,
  ): Promise<WebinarCreated> {
    // Its creator is its first named host, in the same transaction.
    const webinar = await this.transactions.run(async (tx) => {
      const created = await this.webinars.create(
        {
          organizationId,
          createdById: userId,
          title: input.title,
          description: input.description ?? '',
          startsAt: new Date(input.startsAt),
          durationMinutes: input.durationMinutes,
          timezone: input.timezone,
          capacity: input.capacity,
          qaModeration: input.qaModeration ?? true,
        },
        tx,
      );
      await this.webinars.addHost(created.id, userId, tx);
      return created;
    });
    return { ...(await this.publicView(webinar.id)), capacity: webinar.capacity };
  }

  /** An organization's webinars for its staff, the latest start first, with their registrations. */
  async listForOrganization(
    organizationId: string,
    page: PageRequest,
  ): Promise<Page<WebinarSummary>> {
    const rows = await this.webinars.pageForOrganization(organizationId, page);
    const counts = await this.registrationRepo.countsFor(rows.items.map((w) => w.id));
    return mapPage(rows, (w): WebinarSummary => ({
      id: w.id,
      title: w.title,
      startsAt: w.startsAt,
      durationMinutes: w.durationMinutes,
      timezone: w.timezone,
      capacity: w.capacity,
      registered: counts.get(w.id) ?? 0,
    }));
  }

  /** What anyone may see: the event, never who registered (only how many seats are left). */
  async publicView(webinarId: string): Promise<WebinarPublicView> {
    const [webinar, registered] = await Promise.all([
      this.access.webinar(webinarId),
      this.registrationRepo.count(webinarId),
    ]);
    return {
      id: webinar.id,
      title: webinar.title,
      description: webinar.description,
      startsAt: webinar.startsAt,
      durationMinutes: webinar.durationMinutes,
      timezone: webinar.timezone,
      qaModeration: webinar.qaModeration,
      seatsLeft: Math.max(0, webinar.capacity - registered),
      publicUrl: new URL(`/webinars/${webinar.id}`, this.config.PUBLIC_URL).toString(),
    };
  }

  async addSpeaker(
    webinarId: string,
    credentials: Credentials,
    input: AddSpeakerDto,
  ): Promise<SpeakerView> {
    const { webinar } = await this.access.host(webinarId, credentials);
    const speaker = await this.webinars.addSpeaker(
      webinar.id,
      normalizeEmail(input.email),
      input.displayName,
    );
    await this.speakerInvitations.add({ speakerId: speaker.id });
    return { id: speaker.id, displayName: speaker.displayName };
  }

  /** Hosts see the guest speakers they invited, with the address each link went to. */
  async speakers(webinarId: string, credentials: Credentials): Promise<SpeakerList> {
    const { webinar } = await this.access.host(webinarId, credentials);
    const speakers = await this.webinars.speakers(webinar.id);
    return { items: speakers.map(({ id, displayName, email }) => ({ id, displayName, email })) };
  }

  /**
   * Public registration. Seats are counted under a lock on the webinar row, so concurrent
   * registrations never exceed the capacity. The access key is in the answer and the e-mail.
   */
  async register(webinarId: string, input: RegisterForWebinarDto): Promise<RegistrationCreated> {
    const webinar = await this.access.webinar(webinarId);
    const email = normalizeEmail(input.email);
    const outcome = await this.transactions.run(async (tx) => {
      await this.webinars.lock(webinar.id, tx);
      const existing = await this.registrationRepo.findByEmail(webinar.id, email, tx);
      const now = this.clock.now();
      if (existing) {
        const due =
          !existing.confirmationSentAt ||
          now.getTime() - existing.confirmationSentAt.getTime() >=
            CONFIRMATION_RESEND_MINUTES * 60_000;
        if (due) await this.registrationRepo.markConfirmationSent(existing.id, now, tx);
        return { registration: existing, isNew: false, resend: due };
      }
      const count = await this.registrationRepo.count(webinar.id, tx);
      if (count >= webinar.capacity)
        throw new ConflictError('webinar_full', 'This webinar is full');
      const created = await this.registrationRepo.create(
        { webinarId: webinar.id, email, displayName: input.displayName, confirmationSentAt: now },
        tx,
      );
      return { registration: created, isNew: true, resend: true };
    });
    const { registration } = outcome;
    if (!outcome.isNew) {
      // The key goes to the address, never to whoever typed it in; and not on every attempt, so
      // the form cannot be used to flood someone's inbox. The answer is the same either way.
      if (outcome.resend) {
        await this.confirmations.add({ registrationId: registration.id });
      }
      throw new ConflictError(
        'already_registered',
        'This e-mail is registered already; its link goes to that address',
      );
    }
    await this.confirmations.add({ registrationId: registration.id });
    const organization = await this.organizations.findById(webinar.organizationId);
    await this.reminders.plan(
      registration.id,
      webinar.startsAt,
      organization?.reminderOffsetsMinutes ?? [],
    );
    return { id: registration.id, accessKey: this.access.attendeeKeys.sign(registration.id) };
  }

  /** Hosts see who registered: display names and e-mails. Nobody else does. */
  async registrations(
    webinarId: string,
    credentials: Credentials,
    page: PageRequest,
  ): Promise<Page<RegistrationView>> {
    const { webinar } = await this.access.host(webinarId, credentials);
    const rows = await this.registrationRepo.pageForWebinar(webinar.id, page);
    return mapPage(rows, ({ id, displayName, email, promoted, createdAt }): RegistrationView => ({
      id,
      displayName,
      email,
      promoted,
      createdAt,
    }));
  }

  async join(webinarId: string, credentials: Credentials): Promise<WebinarJoinGrant> {
    const actor = await this.access.actor(webinarId, credentials);
    const { webinar } = actor;
    this.video.assertAvailable();
    const opens = webinar.startsAt.getTime() - this.config.VIDEO_JOIN_EARLY_MINUTES * 60_000;
    const closes = webinar.startsAt.getTime() + webinar.durationMinutes * 60_000;
    // Hosts and speakers may come in early to prepare; the audience only in the window.
    const now = this.clock.millis();
    if (now >= closes || (actor.kind === 'attendee' && now < opens)) {
      throw new ConflictError(
        'join_window_closed',
        'Joining opens shortly before the webinar starts',
      );
    }
    const roomName = roomNameForWebinar(webinar.id);
    if (actor.kind !== 'attendee') {
      await this.video.ensureRoom(roomName, {
        maxParticipants: 0,
        emptyTimeoutSeconds: 30 * 60,
        departureTimeoutSeconds: 5 * 60,
      });
    }
    const identity =
      actor.kind === 'host'
        ? actor.userId
        : actor.kind === 'speaker'
          ? `speaker-${actor.speaker.id}`
          : `reg-${actor.registration.id}`;
    const name =
      actor.kind === 'host'
        ? actor.displayName
        : actor.kind === 'speaker'
          ? actor.speaker.displayName
          : actor.registration.displayName;
    const token = await this.video.webinarToken({
      roomName,
      identity,
      name,
      role: actor.kind,
      promoted: actor.kind === 'attendee' && actor.registration.promoted,
    });
    return { serverUrl: this.video.publicUrl, token, roomName, identity, role: actor.kind };
  }

  /** Lets an attendee speak (and publish) until demoted; applied to their live connection too. */
  async setPromoted(
    webinarId: string,
    registrationId: string,
    credentials: Credentials,
    promoted: boolean,
  ): Promise<PromotionView> {
    const { webinar } = await this.access.host(webinarId, credentials);
    const registration = await this.registrationRepo.findIn(webinar.id, registrationId);
    if (!registration) throw new NotFoundError('registration_not_found', 'No such attendee');
    await this.registrationRepo.setPromoted(registration.id, promoted);
    await this.video.setPublishing(
      roomNameForWebinar(webinar.id),
      `reg-${registration.id}`,
      promoted,
    );
    return { id: registration.id, promoted };
  }
}
