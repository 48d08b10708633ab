import { TokenVerifier, TrackSource } from 'livekit-server-sdk';
import pg from 'pg';
import {
  markEmailVerified,
  registerUser,
  type RunningApi,
  type TestEnvironment,
  uniqueEmail,
} from './support/hearth.js';
import type { LiveKitGateway } from './support/livekit.js';
import { RtcParticipant } from './support/rtc-participant.js';
import { eventually } from './support/wait.js';
import { type Deployment, startDeployment } from './support/deployment.js';
import type { TestSmtpServer } from './support/smtp.js';
import { joinOrganization } from './support/members.js';

describe('Public webinars (e2e)', () => {
  let deployment: Deployment;
  let env: TestEnvironment;
  let livekit: LiveKitGateway;
  const clients: RtcParticipant[] = [];
  let smtp: TestSmtpServer;
  let api: RunningApi;
  let host: Awaited<ReturnType<typeof registerUser>>;
  let orgId: string;

  beforeAll(async () => {
    deployment = await startDeployment('webinars', { smtp: true });
    ({ env, api, livekit } = deployment);
    smtp = deployment.smtp!;
    host = await registerUser(api.http, 'host');
    orgId = (await api.http.post('/organizations', { name: 'Mind matters' }, host.accessToken)).body
      .id;
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.leave()));
  });

  afterAll(async () => {
    await deployment?.close();
  });

  /** A real client in the webinar's room with a token Hearth minted. */
  async function connect(token: string): Promise<RtcParticipant> {
    const client = await RtcParticipant.join(livekit.wsUrl, token);
    clients.push(client);
    return client;
  }

  async function webinar(overrides: Record<string, unknown> = {}) {
    const response = await api.http.post(
      `/organizations/${orgId}/webinars`,
      {
        title: 'Living with low mood',
        description: 'A panel and open questions',
        startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
        durationMinutes: 60,
        timezone: 'Europe/London',
        capacity: 100,
        qaModeration: true,
        ...overrides,
      },
      host.accessToken,
    );
    expect(response.status).toBe(201);
    return response.body as { id: string; publicUrl: string };
  }

  /** Waits until the worker has handled the server's `event` (a webhook) for `identity`. */
  async function recorded(
    room: string,
    identity: string,
    event = 'participant_joined',
  ): Promise<void> {
    const db = new pg.Client({ connectionString: env.database.url });
    await db.connect();
    try {
      await eventually(async () => {
        const { rowCount } = await db.query(
          `SELECT 1 FROM attendance_events WHERE room_name = $1 AND identity = $2
              AND event = $3 AND processed_at IS NOT NULL`,
          [room, identity, event],
        );
        return rowCount;
      }, 20_000);
    } finally {
      await db.end();
    }
  }

  /** A guest speaker's personal key, from the invitation e-mail. */
  async function speakerLink(webinarId: string, displayName: string): Promise<string> {
    const email = uniqueEmail('speaker');
    const added = await api.http.post(
      `/webinars/${webinarId}/speakers`,
      { email, displayName },
      host.accessToken,
    );
    expect(added.status).toBe(201);
    const mail = await smtp.waitFor((m) => m.envelopeTo.includes(email));
    return /key=([\w.-]+)/.exec(mail.text ?? '')![1];
  }

  const register = (webinarId: string, name = 'Listener') =>
    api.http.post(`/webinars/${webinarId}/registrations`, {
      displayName: name,
      email: uniqueEmail('attendee'),
    });
  const as = (key: string) => ({ 'x-access-key': key });
  const verify = (token: string) =>
    new TokenVerifier(livekit.apiKey, livekit.apiSecret).verify(token);

  it('never lets 200 simultaneous registrations exceed the capacity', async () => {
    const { id } = await webinar({ capacity: 50 });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => register(id, `Person ${i}`)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    expect(statuses.filter((s) => s === 409)).toHaveLength(150);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('webinar_full');
    const db = new pg.Client({ connectionString: env.database.url });
    await db.connect();
    const { rows } = await db.query(
      'SELECT count(*) FROM webinar_registrations WHERE webinar_id = $1',
      [id],
    );
    await db.end();
    expect(Number(rows[0].count)).toBe(50);
    expect((await api.http.get(`/webinars/${id}`)).body.seatsLeft).toBe(0);
  });

  it('gives attendees hidden watch-only tokens, and promotes and demotes them on their live connection', async () => {
    const { id } = await webinar();
    const room = `webinar-${id}`;
    const attendee = (await register(id, 'Quiet listener')).body as {
      id: string;
      accessKey: string;
    };
    const identity = `reg-${attendee.id}`;
    const hostJoin = await api.http.post(`/webinars/${id}/join`, {}, host.accessToken);
    expect(hostJoin.status).toBe(200);
    expect(hostJoin.body.role).toBe('host');
    expect((await verify(hostJoin.body.token)).video).toMatchObject({
      roomAdmin: true,
      canPublish: true,
      hidden: false,
    });
    expect(await livekit.room(room)).toBeDefined();
    const hostClient = await connect(hostJoin.body.token);

    const joined = await api.http.request('POST', `/webinars/${id}/join`, {
      headers: as(attendee.accessKey),
      body: {},
    });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({
      role: 'attendee',
      identity,
      roomName: room,
      serverUrl: livekit.wsUrl,
    });
    const claims = await verify(joined.body.token);
    expect(claims.name).toBe('Quiet listener');
    expect(claims.video).toMatchObject({
      roomJoin: true,
      roomAdmin: false,
      canPublish: false,
      canSubscribe: true,
      canPublishData: false,
      canPublishSources: [],
      hidden: true,
    });

    // The real server takes the attendee in, hidden and watching only.
    const listener = await connect(joined.body.token);
    await recorded(room, identity);
    expect((await livekit.participant(room, identity))?.permission).toMatchObject({
      canPublish: false,
      canSubscribe: true,
      canPublishData: false,
      canPublishSources: [],
      hidden: true,
    });
    // The server does not answer a publication it does not allow; the client gives up.
    await expect(listener.publish('audio')).rejects.toThrow(/no response received from the server/);
    expect((await livekit.participant(room, identity))?.tracks).toEqual([]);
    // A speaker who arrives after them is announced to the host; the hidden attendee never is.
    const speakerKey = await speakerLink(id, 'Panelist');
    const speaker = await api.http.request('POST', `/webinars/${id}/join`, {
      headers: as(speakerKey),
      body: {},
    });
    const speakerClient = await connect(speaker.body.token);
    await hostClient.waitFor('participantConnected', 20_000, { identity: speaker.body.identity });
    expect(hostClient.seen('participantConnected', { identity })).toEqual([]);

    const promoted = await api.http.post(
      `/webinars/${id}/attendees/${attendee.id}/promote`,
      {},
      host.accessToken,
    );
    expect(promoted.status).toBe(200);
    expect((await livekit.participant(room, identity))?.permission).toMatchObject({
      canPublish: true,
      canSubscribe: true,
      canPublishData: false,
      canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE],
      hidden: false,
    });
    // Shown to the room now, and heard: the speakers receive their microphone.
    await hostClient.waitFor('participantConnected', 20_000, { identity });
    const trackSid = await listener.publish('audio');
    await eventually(async () =>
      (await livekit.participant(room, identity))?.tracks.some((t) => t.sid === trackSid),
    );
    await speakerClient.waitFor('trackSubscribed', 20_000, { identity });
    // A token minted after the promotion publishes too.
    const again = await api.http.request('POST', `/webinars/${id}/join`, {
      headers: as(attendee.accessKey),
      body: {},
    });
    expect((await verify(again.body.token)).video).toMatchObject({
      canPublish: true,
      hidden: false,
    });

    const demoted = await api.http.post(
      `/webinars/${id}/attendees/${attendee.id}/demote`,
      {},
      host.accessToken,
    );
    expect(demoted.status).toBe(200);
    // The server takes down what they published, and the room sees it go.
    const afterDemotion = await livekit.participant(room, identity);
    expect(afterDemotion?.permission).toMatchObject({
      canPublish: false,
      canSubscribe: true,
      canPublishSources: [],
    });
    expect(afterDemotion?.tracks).toEqual([]);
    for (const client of [hostClient, speakerClient]) {
      await client.waitFor('trackUnpublished', 20_000, { identity, sid: trackSid });
    }
    await expect(listener.publish('video')).rejects.toThrow(/no response received from the server/);
    expect((await livekit.participant(room, identity))?.tracks).toEqual([]);
    // Nobody keeps them on screen after they go.
    await listener.leave();
    await hostClient.waitFor('participantDisconnected', 20_000, { identity });

    const byAttendee = await api.http.request(
      'POST',
      `/webinars/${id}/attendees/${attendee.id}/promote`,
      {
        headers: as(attendee.accessKey),
        body: {},
      },
    );
    expect(byAttendee.status).toBe(403);
  }, 120_000);

  it('keeps the audience out of the room until a host or speaker opens it', async () => {
    const { id } = await webinar();
    const early = (await register(id, 'Early bird')).body as { id: string; accessKey: string };
    const joined = await api.http.request('POST', `/webinars/${id}/join`, {
      headers: as(early.accessKey),
      body: {},
    });
    expect(joined.status).toBe(200);
    // Attendees do not open the room (the server only lets people into rooms Hearth created).
    await expect(connect(joined.body.token)).rejects.toThrow(/requested room does not exist/);
    expect(await livekit.room(`webinar-${id}`)).toBeUndefined();

    const speaker = await speakerLink(id, 'Opening speaker');
    await api.http.request('POST', `/webinars/${id}/join`, { headers: as(speaker), body: {} });
    await connect(joined.body.token);
    expect(
      (await livekit.participant(`webinar-${id}`, `reg-${early.id}`))?.permission,
    ).toMatchObject({ canPublish: false, hidden: true });
  });

  it('stops a demoted attendee who comes back with a token from before the demotion', async () => {
    const { id } = await webinar();
    const room = `webinar-${id}`;
    const attendee = (await register(id, 'Returning')).body as { id: string; accessKey: string };
    const identity = `reg-${attendee.id}`;
    await api.http.post(`/webinars/${id}/join`, {}, host.accessToken);
    await api.http.post(`/webinars/${id}/attendees/${attendee.id}/promote`, {}, host.accessToken);
    const promotedToken = (
      await api.http.request('POST', `/webinars/${id}/join`, {
        headers: as(attendee.accessKey),
        body: {},
      })
    ).body.token as string;
    await api.http.post(`/webinars/${id}/attendees/${attendee.id}/demote`, {}, host.accessToken);

    await connect(promotedToken);
    // Their join reaches the worker through the server's webhook, which takes publishing away.
    await recorded(room, identity);
    const permission = await eventually(async () => {
      const current = (await livekit.participant(room, identity))?.permission;
      return current?.canPublish === false && current;
    });
    // They stay shown (as they came): a shown participant turned hidden would stay on everyone's
    // screen, since the server announces nothing about hidden ones.
    expect(permission).toMatchObject({ canSubscribe: true, canPublishSources: [], hidden: false });
  }, 60_000);

  it('keeps held questions from other attendees until a host approves, and counts one vote each', async () => {
    const { id } = await webinar({ qaModeration: true });
    const asker = (await register(id, 'Asker')).body.accessKey as string;
    const other = (await register(id, 'Other')).body.accessKey as string;
    const asked = await api.http.request('POST', `/webinars/${id}/questions`, {
      headers: as(asker),
      body: { text: 'How do I keep going on bad days?' },
    });
    expect(asked.status).toBe(201);
    expect(asked.body.status).toBe('held');
    const anonymous = await api.http.request('POST', `/webinars/${id}/questions`, {
      headers: as(other),
      body: { text: 'Is it normal to feel nothing?', anonymous: true },
    });
    expect(anonymous.status).toBe(201);

    const seenByOther = await api.http.request('GET', `/webinars/${id}/questions`, {
      headers: as(other),
    });
    expect(seenByOther.body.items.map((q: { text: string }) => q.text)).toEqual([
      'Is it normal to feel nothing?',
    ]);
    const seenByAsker = await api.http.request('GET', `/webinars/${id}/questions`, {
      headers: as(asker),
    });
    expect(seenByAsker.body.items).toEqual([
      expect.objectContaining({ id: asked.body.id, mine: true, status: 'held' }),
    ]);
    const seenByHost = await api.http.get(`/webinars/${id}/questions`, host.accessToken);
    expect(seenByHost.body.items).toHaveLength(2);
    expect(
      seenByHost.body.items.find((q: { id: string }) => q.id === anonymous.body.id).author,
    ).toBeNull();

    const early = await api.http.request(
      'POST',
      `/webinars/${id}/questions/${asked.body.id}/upvote`,
      { headers: as(other) },
    );
    expect(early.status).toBe(404);
    expect(
      (
        await api.http.post(
          `/webinars/${id}/questions/${asked.body.id}/approve`,
          {},
          host.accessToken,
        )
      ).status,
    ).toBe(200);
    const visible = await api.http.request('GET', `/webinars/${id}/questions`, {
      headers: as(other),
    });
    expect(visible.body.items.find((q: { id: string }) => q.id === asked.body.id)).toMatchObject({
      author: 'Asker',
      status: 'visible',
    });

    const vote = await api.http.request(
      'POST',
      `/webinars/${id}/questions/${asked.body.id}/upvote`,
      { headers: as(other) },
    );
    expect(vote.body).toEqual({ id: asked.body.id, votes: 1, counted: true });
    const twice = await api.http.request(
      'POST',
      `/webinars/${id}/questions/${asked.body.id}/upvote`,
      { headers: as(other) },
    );
    // API.md: 200, counted once per registration.
    expect(twice.status).toBe(200);
    expect(twice.body).toEqual({ id: asked.body.id, votes: 1, counted: false });

    const tooSoon = await api.http.request('POST', `/webinars/${id}/questions`, {
      headers: as(asker),
      body: { text: 'Another one' },
    });
    expect(tooSoon.status).toBe(429);
  });

  it('exposes no e-mail or registration data on public routes', async () => {
    const { id } = await webinar();
    const email = uniqueEmail('private');
    const registered = await api.http.post(`/webinars/${id}/registrations`, {
      displayName: 'Private',
      email,
    });
    expect(registered.status).toBe(201);
    const publicView = await api.http.get(`/webinars/${id}`);
    expect(publicView.status).toBe(200);
    const text = JSON.stringify(publicView.body);
    expect(text).not.toContain(email);
    expect(text).not.toContain('Private');
    expect(Object.keys(publicView.body).sort()).toEqual(
      [
        'description',
        'durationMinutes',
        'id',
        'publicUrl',
        'qaModeration',
        'seatsLeft',
        'startsAt',
        'timezone',
        'title',
      ].sort(),
    );
    expect((await api.http.get(`/webinars/${id}/registrations`)).status).toBe(401);
    const attendeeLooking = await api.http.request('GET', `/webinars/${id}/registrations`, {
      headers: as(registered.body.accessKey),
    });
    expect(attendeeLooking.status).toBe(403);
    expect((await api.http.get(`/webinars/${id}/questions`)).status).toBe(401);
    const bogus = await api.http.request('GET', `/webinars/${id}/questions`, {
      headers: as(`${registered.body.id}.forged`),
    });
    expect(bogus.status).toBe(401);
    const hostList = await api.http.get(`/webinars/${id}/registrations`, host.accessToken);
    expect(hostList.body.items[0]).toMatchObject({ displayName: 'Private', email });

    // The confirmation e-mail carries the personal link and a calendar file without it.
    const mail = await smtp.waitFor((m) => m.envelopeTo.includes(email));
    expect(mail.text).toContain(`/webinars/${id}#key=${registered.body.accessKey}`);
    expect(publicView.body.publicUrl).toMatch(new RegExp(`^http.*/webinars/${id}$`));
    const ics = mail.attachments.find((a) => a.mimeType === 'text/calendar');
    const icsText =
      typeof ics?.content === 'string'
        ? ics.content
        : new TextDecoder().decode(ics?.content as ArrayBuffer);
    expect(icsText).not.toContain(registered.body.accessKey);
  });

  it('invites speakers with a personal link that joins them as speakers', async () => {
    const { id } = await webinar();
    const added = await api.http.post(
      `/webinars/${id}/speakers`,
      { email: 'guest.speaker@example.org', displayName: 'Dr Guest' },
      host.accessToken,
    );
    expect(added.status).toBe(201);
    const mail = await smtp.waitFor((m) => m.envelopeTo.includes('guest.speaker@example.org'));
    const key = /key=([\w.-]+)/.exec(mail.text ?? '')![1];
    const joined = await api.http.request('POST', `/webinars/${id}/join`, {
      headers: as(key),
      body: {},
    });
    expect(joined.body.role).toBe('speaker');
    expect((await verify(joined.body.token)).video).toMatchObject({
      canPublish: true,
      roomAdmin: false,
      hidden: false,
    });
    // Their join opens the room; on the real server they are seen and heard.
    const client = await connect(joined.body.token);
    const room = `webinar-${id}`;
    expect(await livekit.participant(room, joined.body.identity)).toMatchObject({
      name: 'Dr Guest',
      permission: expect.objectContaining({ canPublish: true, hidden: false }),
    });
    const trackSid = await client.publish('video');
    await eventually(async () =>
      (await livekit.participant(room, joined.body.identity))?.tracks.some(
        (t) => t.sid === trackSid,
      ),
    );
  });

  it('records who came and for how long from the webhooks, for hosts only, with a CSV', async () => {
    const { id } = await webinar();
    const room = `webinar-${id}`;
    const came = (await register(id, 'Came')).body as { id: string; accessKey: string };
    await register(id, 'Stayed away');
    // The webinar began ten minutes ago: only time after its start counts.
    const db = new pg.Client({ connectionString: env.database.url });
    await db.connect();
    await db.query(`UPDATE webinars SET starts_at = now() - interval '10 minutes' WHERE id = $1`, [
      id,
    ]);
    await db.end();
    // The host is in the room throughout, and is not the audience.
    await connect((await api.http.post(`/webinars/${id}/join`, {}, host.accessToken)).body.token);
    const token = (
      await api.http.request('POST', `/webinars/${id}/join`, {
        headers: as(came.accessKey),
        body: {},
      })
    ).body.token as string;

    const arriving = Date.now();
    const client = await RtcParticipant.join(livekit.wsUrl, token);
    clients.push(client);
    await recorded(room, `reg-${came.id}`);
    const counted = Date.now(); // the server's join time is before this
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const leaving = Date.now();
    await client.leave();
    const left = Date.now();
    await recorded(room, `reg-${came.id}`, 'participant_left');

    const report = (await api.http.get(`/webinars/${id}/attendance`, host.accessToken)).body;
    const seconds =
      report.items.find((i: { displayName: string }) => i.displayName === 'Came').minutesWatched *
      60;
    // Between what the test saw of the visit; LiveKit's event times are whole seconds.
    expect(seconds).toBeGreaterThanOrEqual(Math.floor((leaving - counted) / 1000) - 1);
    expect(seconds).toBeLessThanOrEqual(Math.ceil((left - arriving) / 1000) + 1);
    expect(report).toMatchObject({
      registered: 2,
      attended: 1,
      averageMinutesWatched: Math.round((seconds / 60) * 10) / 10,
    });
    expect(report.items).toEqual([
      expect.objectContaining({ displayName: 'Came', attended: true }),
      expect.objectContaining({ displayName: 'Stayed away', attended: false, minutesWatched: 0 }),
    ]);
    const csv = await fetch(`${api.http.baseUrl}/webinars/${id}/attendance?format=csv`, {
      headers: { authorization: `Bearer ${host.accessToken}` },
    });
    expect((await csv.text()).trim().split('\r\n')).toEqual([
      'attendee,attended,minutes watched',
      `Came,yes,${Number((seconds / 60).toFixed(2))}`,
      'Stayed away,no,0',
    ]);
    expect((await api.http.get(`/webinars/${id}/attendance`)).status).toBe(401);
  }, 60_000);

  it('re-sends the link to a repeated registration at most once per interval, with the same answer', async () => {
    const { id } = await webinar();
    const email = uniqueEmail('again');
    const first = await api.http.post(`/webinars/${id}/registrations`, {
      displayName: 'Again',
      email,
    });
    expect(first.status).toBe(201);
    const confirmations = () =>
      smtp.messages.filter(
        (m) => m.envelopeTo.includes(email) && m.text?.includes(`/webinars/${id}#key=`),
      );
    await smtp.until(() => confirmations().length === 1);

    const retries = [];
    for (let i = 0; i < 3; i++) {
      retries.push(
        await api.http.post(`/webinars/${id}/registrations`, { displayName: 'Again', email }),
      );
    }
    for (const retry of retries) {
      expect(retry.status).toBe(409);
      expect(retry.body).toEqual(retries[0].body);
      expect(retry.body.code).toBe('already_registered');
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(confirmations().length).toBeLessThanOrEqual(2);

    // Once the interval has passed, a new attempt mails the link again, and answers the same.
    const db = new pg.Client({ connectionString: env.database.url });
    await db.connect();
    await db.query(
      `UPDATE webinar_registrations SET confirmation_sent_at = now() - interval '11 minutes' WHERE id = $1`,
      [first.body.id],
    );
    await db.end();
    const sent = confirmations().length;
    const later = await api.http.post(`/webinars/${id}/registrations`, {
      displayName: 'Again',
      email,
    });
    expect(later.body).toEqual(retries[0].body);
    await smtp.until(() => confirmations().length === sent + 1);
  });

  it('lets only named hosts and owners/admins run a webinar; admins name and remove hosts', async () => {
    const staff = async (name: string, role: string) => {
      const user = await registerUser(api.http, name);
      await markEmailVerified(env, user.user.id);
      await joinOrganization(api.http, host.accessToken, orgId, user, role);
      return user;
    };
    const colleague = await staff('colleague', 'therapist');
    const admin = await staff('admin', 'admin');
    const participant = await staff('member', 'participant');
    const stranger = await registerUser(api.http, 'stranger');
    const { id } = await webinar();
    const attendee = (await register(id, 'Asker')).body as { id: string; accessKey: string };
    const question = await api.http.request('POST', `/webinars/${id}/questions`, {
      headers: as(attendee.accessKey),
      body: { text: 'What helps on a grey morning?' },
    });
    const hostActions = (token: string) => [
      api.http.post(`/webinars/${id}/questions/${question.body.id}/approve`, {}, token),
      api.http.post(`/webinars/${id}/attendees/${attendee.id}/promote`, {}, token),
      api.http.get(`/webinars/${id}/registrations`, token),
      api.http.get(`/webinars/${id}/attendance`, token),
      api.http.get(`/webinars/${id}/questions`, token),
      api.http.post(`/webinars/${id}/join`, {}, token),
      api.http.post(
        `/webinars/${id}/speakers`,
        { email: uniqueEmail('speaker'), displayName: 'Guest' },
        token,
      ),
    ];
    for (const response of await Promise.all(hostActions(colleague.accessToken))) {
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('hosts_only');
    }
    // Only owners and admins name hosts, and only staff of the organization can be named.
    const bySelf = await api.http.post(
      `/webinars/${id}/hosts`,
      { userId: colleague.user.id },
      colleague.accessToken,
    );
    expect(bySelf.status).toBe(403);
    const byStranger = await api.http.post(
      `/webinars/${id}/hosts`,
      { userId: stranger.user.id },
      stranger.accessToken,
    );
    expect(byStranger.status).toBe(404);
    const notStaff = await api.http.post(
      `/webinars/${id}/hosts`,
      { userId: participant.user.id },
      admin.accessToken,
    );
    expect(notStaff.status).toBe(400);
    expect(notStaff.body.code).toBe('host_not_staff');
    const outsider = await api.http.post(
      `/webinars/${id}/hosts`,
      { userId: stranger.user.id },
      admin.accessToken,
    );
    expect(outsider.status).toBe(404);

    const named = await api.http.post(
      `/webinars/${id}/hosts`,
      { userId: colleague.user.id },
      admin.accessToken,
    );
    expect(named.status).toBe(201);
    expect(named.body).toEqual({ userId: colleague.user.id, displayName: 'colleague' });
    for (const response of await Promise.all(hostActions(colleague.accessToken))) {
      expect(response.status).toBeLessThan(300);
    }
    const hosts = await api.http.get(`/webinars/${id}/hosts`, colleague.accessToken);
    expect(hosts.body.items.map((h: { userId: string }) => h.userId).sort()).toEqual(
      [host.user.id, colleague.user.id].sort(),
    );

    const removed = await api.http.request('DELETE', `/webinars/${id}/hosts/${colleague.user.id}`, {
      token: admin.accessToken,
    });
    expect(removed.status).toBe(200);
    expect(
      (await api.http.get(`/webinars/${id}/registrations`, colleague.accessToken)).status,
    ).toBe(403);
    // The admin manages it without being named.
    expect((await api.http.get(`/webinars/${id}/registrations`, admin.accessToken)).status).toBe(
      200,
    );
  });

  it("lists an organization's webinars for its staff, the latest first, with registrations; speakers for hosts", async () => {
    const owner = await registerUser(api.http, 'lister');
    const ownOrg = (await api.http.post('/organizations', { name: 'Listing' }, owner.accessToken))
      .body.id as string;
    const create = async (title: string, inMinutes: number) =>
      (
        await api.http.post(
          `/organizations/${ownOrg}/webinars`,
          {
            title,
            startsAt: new Date(Date.now() + inMinutes * 60_000).toISOString(),
            durationMinutes: 45,
            timezone: 'Asia/Dhaka',
            capacity: 30,
          },
          owner.accessToken,
        )
      ).body as { id: string };
    const earlier = await create('Earlier', 60);
    const later = await create('Later', 24 * 60);
    await register(earlier.id, 'One');
    await register(earlier.id, 'Two');

    const list = await api.http.get(`/organizations/${ownOrg}/webinars`, owner.accessToken);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: later.id, title: 'Later', registered: 0, capacity: 30 }),
      expect.objectContaining({
        id: earlier.id,
        title: 'Earlier',
        registered: 2,
        durationMinutes: 45,
        timezone: 'Asia/Dhaka',
      }),
    ]);
    const firstPage = await api.http.get(
      `/organizations/${ownOrg}/webinars?limit=1`,
      owner.accessToken,
    );
    expect(firstPage.body.items.map((w: { id: string }) => w.id)).toEqual([later.id]);
    const secondPage = await api.http.get(
      `/organizations/${ownOrg}/webinars?limit=1&cursor=${firstPage.body.nextCursor}`,
      owner.accessToken,
    );
    expect(secondPage.body.items.map((w: { id: string }) => w.id)).toEqual([earlier.id]);
    // Another organization's staff learn nothing; a participant of this one is refused.
    expect((await api.http.get(`/organizations/${ownOrg}/webinars`, host.accessToken)).status).toBe(
      404,
    );
    const member = await registerUser(api.http, 'list-member');
    await markEmailVerified(env, member.user.id);
    await joinOrganization(api.http, owner.accessToken, ownOrg, member, 'participant');
    expect(
      (await api.http.get(`/organizations/${ownOrg}/webinars`, member.accessToken)).status,
    ).toBe(403);

    // Hosts see the speakers they invited; attendees and other staff do not.
    await api.http.post(
      `/webinars/${earlier.id}/speakers`,
      { email: 'Panel.Guest@example.org', displayName: 'Panel guest' },
      owner.accessToken,
    );
    const speakers = await api.http.get(`/webinars/${earlier.id}/speakers`, owner.accessToken);
    expect(speakers.body.items).toEqual([
      { id: expect.any(String), displayName: 'Panel guest', email: 'panel.guest@example.org' },
    ]);
    const attendee = (await register(earlier.id, 'Curious')).body as { accessKey: string };
    const asAttendee = await api.http.request('GET', `/webinars/${earlier.id}/speakers`, {
      headers: as(attendee.accessKey),
    });
    expect(asAttendee.status).toBe(403);
    expect((await api.http.get(`/webinars/${earlier.id}/speakers`, host.accessToken)).status).toBe(
      404,
    );
  });

  it('reminds registered attendees through the reminder pipeline, once', async () => {
    await api.http.patch(
      `/organizations/${orgId}`,
      { reminderOffsetsMinutes: [1] },
      host.accessToken,
    );
    const { id } = await webinar({ startsAt: new Date(Date.now() + 66_000).toISOString() });
    const email = uniqueEmail('reminded');
    await api.http.post(`/webinars/${id}/registrations`, { displayName: 'Reminded', email });
    const reminder = await smtp.waitFor(
      (m) => m.envelopeTo.includes(email) && !!m.subject?.startsWith('Starting soon'),
      20_000,
    );
    expect(reminder.text).toContain(`/webinars/${id}#key=`);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(
      smtp.messages.filter(
        (m) => m.envelopeTo.includes(email) && m.subject?.startsWith('Starting soon'),
      ),
    ).toHaveLength(1);
  }, 30_000);
});
