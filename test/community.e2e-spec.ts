import pg from 'pg';
import { Clock, ManualClock } from '../libs/common/src/index.js';
import {
  COMMUNITY_DIGEST_JOB,
  CommunityDigestJob,
  CommunityDigestQueue,
  CommunityEvents,
} from '../libs/community/src/index.js';
import { QueueName } from '../libs/queue/src/index.js';
import {
  createTestEnvironment,
  markEmailVerified,
  registerUser,
  type RunningApi,
  type RunningWorker,
  startApi,
  startWorker,
  type TestEnvironment,
} from './support/hearth.js';
import type { HttpClient } from './support/http.js';
import {
  enrolledParticipant,
  groupStartingIn,
  organizationWithCurriculum,
  type TestUser,
} from './support/groups.js';
import { joinOrganization } from './support/members.js';
import { TestSmtpServer } from './support/smtp.js';
import { eventually, scheduledJobRunner } from './support/wait.js';

interface StreamEvent {
  event: string;
  data: any;
  raw: string;
  at: number;
}

/** A fetch-based server-sent events client, as the web app uses (bearer token in a header). */
async function openStream(http: HttpClient, groupId: string, token: string) {
  const controller = new AbortController();
  const response = await fetch(`${http.baseUrl}/groups/${groupId}/stream`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  const events: StreamEvent[] = [];
  let text = '';
  let ended = false;
  if (response.ok && response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            ended = true;
            return;
          }
          text += value;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) {
              events.push({ event, data: JSON.parse(data), raw: block, at: performance.now() });
            }
          }
        }
      } catch {
        // Aborted by close().
      }
    })();
  } else {
    text = await response.text();
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    events,
    text: () => text,
    /** Whether the server ended the stream. */
    ended: () => ended,
    close: () => controller.abort(),
  };
}

/**
 * Issue 15's group space: alias and anonymous posts, held links, reports, mutes, who reads
 * nothing, the live stream across two api processes, crisis drafts, and the digest. Real api
 * (two processes), worker, PostgreSQL, Redis and SMTP.
 */
describe('The group space between sessions (e2e)', () => {
  let env: TestEnvironment;
  let smtp: TestSmtpServer;
  let api: RunningApi;
  let api2: RunningApi;
  let worker: RunningWorker;
  let owner: TestUser;
  let ana: TestUser;
  let bo: TestUser;
  let cyd: TestUser;
  let dee: TestUser;
  let stranger: TestUser;
  let orgId: string;
  let groupId: string;
  const bodies: string[] = [];

  const post = async (
    user: TestUser,
    body: string,
    extra: Record<string, unknown> = {},
    through: RunningApi = api,
  ) => {
    bodies.push(body);
    return through.http.post(`/groups/${groupId}/posts`, { body, ...extra }, user.accessToken);
  };
  const list = async (user: TestUser) =>
    api.http.get(`/groups/${groupId}/posts?limit=100`, user.accessToken);

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    env = await createTestEnvironment('community', {
      env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://hearth.example.org' },
    });
    api = await startApi(env.config);
    api2 = await startApi(env.config);
    worker = await startWorker(env.config);
    owner = await registerUser(api.http, 'owner');
    const created = await organizationWithCurriculum(api.http, owner, 'Sylhet practice');
    orgId = created.orgId;
    const versionId = created.versionId;
    groupId = (
      await groupStartingIn(api.http, owner, orgId, versionId, 3 * 24 * 60, {
        name: 'Postpartum circle',
      })
    ).groupId;
    ana = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'ana');
    bo = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'bo');
    cyd = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'cyd');
    // Dee belongs to the organization but not to the group; the stranger to neither.
    dee = await registerUser(api.http, 'dee');
    await markEmailVerified(env, dee.user.id);
    await joinOrganization(api.http, owner.accessToken, orgId, dee, 'participant');
    stranger = await registerUser(api.http, 'stranger');
  });

  afterAll(async () => {
    await worker?.app.close();
    await api2?.close();
    await api?.close();
    await smtp?.stop();
    await env?.close();
  });

  it('shows an alias post by its alias and an anonymous one by nobody to members, by whom to facilitators', async () => {
    const aliasPost = await post(ana, 'Week two felt lighter after the walk.');
    expect(aliasPost.status).toBe(201);
    expect(aliasPost.body).toMatchObject({ status: 'visible', reasons: [], crisis: false });
    const anonymous = await post(bo, 'I have not told anyone at home yet.', {
      anonymous: true,
      contentWarning: 'family',
    });
    expect(anonymous.body.status).toBe('visible');

    const seenByAna = await list(ana);
    expect(seenByAna.status).toBe(200);
    const [anonAsMember, aliasAsMember] = seenByAna.body.items;
    expect(aliasAsMember).toMatchObject({
      id: aliasPost.body.id,
      author: { userId: ana.user.id, displayName: 'ana' },
      anonymous: false,
      mine: true,
    });
    expect(anonAsMember).toMatchObject({
      id: anonymous.body.id,
      author: null,
      anonymous: true,
      contentWarning: 'family',
      mine: false,
    });
    expect(JSON.stringify(seenByAna.body)).not.toContain(bo.user.id);

    const seenByOwner = await list(owner);
    expect(seenByOwner.body.items[0]).toMatchObject({
      id: anonymous.body.id,
      author: { userId: bo.user.id, displayName: 'bo' },
      anonymous: true,
    });
    expect((await list(bo)).body.items[0]).toMatchObject({ mine: true, anonymous: true });

    // An anonymous reply stays anonymous to the members reading the thread.
    bodies.push('Same here, it took me months.');
    const reply = await api.http.post(
      `/posts/${anonymous.body.id}/replies`,
      { body: 'Same here, it took me months.', anonymous: true },
      ana.accessToken,
    );
    expect(reply.status).toBe(201);
    const thread = await api.http.get(`/posts/${anonymous.body.id}/replies`, bo.accessToken);
    expect(thread.body.items).toEqual([
      expect.objectContaining({ id: reply.body.id, author: null, anonymous: true }),
    ]);
    expect(JSON.stringify(thread.body)).not.toContain(ana.user.id);
    expect((await list(cyd)).body.items[0].replyCount).toBe(1);
  });

  it('holds a post with a link, invisible to other members until a facilitator approves it', async () => {
    const held = await post(
      ana,
      'This helped me: https://example.com/cure and mail me at ana@example.org',
    );
    expect(held.status).toBe(201);
    expect(held.body).toMatchObject({ status: 'held', reasons: ['link'] });
    expect(held.body.message).toMatch(/facilitator/);

    expect((await list(bo)).body.items.map((p: { id: string }) => p.id)).not.toContain(
      held.body.id,
    );
    expect((await api.http.get(`/posts/${held.body.id}/replies`, bo.accessToken)).status).toBe(404);
    expect(
      (await api.http.post(`/posts/${held.body.id}/report`, { reason: 'spam' }, bo.accessToken))
        .status,
    ).toBe(404);
    // The author sees it, marked held.
    expect((await list(ana)).body.items[0]).toMatchObject({
      id: held.body.id,
      status: 'held',
      heldReasons: ['link'],
    });
    // A member cannot approve it or read the queue.
    expect((await api.http.post(`/posts/${held.body.id}/approve`, {}, bo.accessToken)).status).toBe(
      403,
    );
    expect((await api.http.get(`/groups/${groupId}/moderation`, bo.accessToken)).status).toBe(403);

    const queue = await api.http.get(`/groups/${groupId}/moderation`, owner.accessToken);
    expect(queue.body.held).toEqual([
      expect.objectContaining({ id: held.body.id, heldReasons: ['link'] }),
    ]);
    const approved = await api.http.post(
      `/posts/${held.body.id}/approve`,
      { reason: 'A known resource' },
      owner.accessToken,
    );
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('visible');
    expect((await list(bo)).body.items.map((p: { id: string }) => p.id)).toContain(held.body.id);
    expect(
      (await api.http.post(`/posts/${held.body.id}/approve`, {}, owner.accessToken)).body.code,
    ).toBe('illegal_post_transition');

    const log = await api.http.get(`/groups/${groupId}/moderation/log`, owner.accessToken);
    expect(log.body.items[0]).toMatchObject({
      action: 'approve',
      postId: held.body.id,
      actor: { userId: owner.user.id },
      reason: 'A known resource',
    });
  });

  it("holds a word from the organization's watched words, in Bengali script too", async () => {
    expect(
      (
        await api.http.put(
          `/organizations/${orgId}/watched-words`,
          { words: ['x'] },
          ana.accessToken,
        )
      ).status,
    ).toBe(403);
    const saved = await api.http.put(
      `/organizations/${orgId}/watched-words`,
      { words: ['ওষুধ', 'Miracle cure', 'miracle  cure'] },
      owner.accessToken,
    );
    expect(saved.body.words).toEqual(['ওষুধ', 'Miracle cure']);
    const held = await post(bo, 'ডাক্তার বলেছে ওষুধ বন্ধ করতে');
    expect(held.body).toMatchObject({ status: 'held', reasons: ['watched_word'] });
    expect((await post(bo, 'Is there a MIRACLE cure?')).body.status).toBe('held');
    expect((await post(bo, 'ওষুধের দোকান খোলা ছিল')).body.status).toBe('visible');
  });

  it('never tells anyone but the facilitators who reported a post, and only as a count', async () => {
    const target = (await list(cyd)).body.items.find(
      (p: { author: { userId: string } | null }) => p.author?.userId === ana.user.id,
    );
    const reported = await api.http.post(
      `/posts/${target.id}/report`,
      { reason: 'It felt like advice I did not ask for' },
      cyd.accessToken,
    );
    expect(reported.status).toBe(201);
    expect(reported.body).toEqual({ received: true });
    // Again: still one report.
    await api.http.post(`/posts/${target.id}/report`, { reason: 'again' }, cyd.accessToken);

    const queue = await api.http.get(`/groups/${groupId}/moderation`, owner.accessToken);
    const entry = queue.body.reported.find((p: { id: string }) => p.id === target.id);
    expect(entry).toMatchObject({
      reportCount: 1,
      reportReasons: ['It felt like advice I did not ask for'],
    });
    expect(JSON.stringify(queue.body.reported)).not.toContain(cyd.user.id);

    // Everything the author and another member can read carries no trace of the reporter.
    for (const reader of [ana, bo]) {
      const answers = [
        await list(reader),
        await api.http.get(`/posts/${target.id}/replies`, reader.accessToken),
        await api.http.get(`/groups/${groupId}/space`, reader.accessToken),
        await api.http.get(`/groups/${groupId}/moderation`, reader.accessToken),
        await api.http.get(`/groups/${groupId}/moderation/log`, reader.accessToken),
        await api.http.get('/me/notifications', reader.accessToken),
        await api.http.get('/me/export', reader.accessToken),
      ];
      for (const answer of answers) {
        expect(answer.status).toBeLessThan(500);
        expect(JSON.stringify(answer.body)).not.toContain(cyd.user.id);
        expect(JSON.stringify(answer.body)).not.toMatch(/advice I did not ask for|"cyd"/);
      }
    }
  });

  it('lets a facilitator keep a reported post: it leaves the queue, stays visible, the log says so', async () => {
    const kept = await post(ana, 'Walking every morning has helped me sleep better.');
    expect(kept.body.status).toBe('visible');
    // Nothing to dismiss before anyone reports it; members may not dismiss.
    const early = await api.http.post(
      `/posts/${kept.body.id}/dismiss-reports`,
      {},
      owner.accessToken,
    );
    expect([early.status, early.body.code]).toEqual([409, 'no_open_reports']);
    await api.http.post(`/posts/${kept.body.id}/report`, { reason: 'Off topic' }, cyd.accessToken);
    expect(
      (await api.http.post(`/posts/${kept.body.id}/dismiss-reports`, {}, bo.accessToken)).status,
    ).toBe(403);
    expect(
      (await api.http.post(`/posts/${kept.body.id}/dismiss-reports`, {}, dee.accessToken)).status,
    ).toBe(404);
    const reportedIds = async () =>
      (await api.http.get(`/groups/${groupId}/moderation`, owner.accessToken)).body.reported.map(
        (p: { id: string }) => p.id,
      );
    expect(await reportedIds()).toContain(kept.body.id);

    const dismissed = await api.http.post(
      `/posts/${kept.body.id}/dismiss-reports`,
      { reason: 'Harmless' },
      owner.accessToken,
    );
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({ id: kept.body.id, status: 'visible' });
    expect(await reportedIds()).not.toContain(kept.body.id);
    expect((await list(bo)).body.items.map((p: { id: string }) => p.id)).toContain(kept.body.id);

    const log = await api.http.get(`/groups/${groupId}/moderation/log`, owner.accessToken);
    expect(log.body.items[0]).toMatchObject({
      action: 'dismiss_reports',
      postId: kept.body.id,
      postExcerpt: 'Walking every morning has helped me sleep better.',
      actor: { userId: owner.user.id },
      reason: 'Harmless',
    });
    expect(JSON.stringify(log.body)).not.toContain(cyd.user.id);

    // A new report brings it back.
    await api.http.post(`/posts/${kept.body.id}/report`, { reason: 'Still off' }, bo.accessToken);
    expect(await reportedIds()).toContain(kept.body.id);
    await api.http.post(`/posts/${kept.body.id}/dismiss-reports`, {}, owner.accessToken);
  });

  it('shows its author a hidden post marked hidden with the reason, nobody else', async () => {
    const long = `Hidden for its author only. ${'x'.repeat(100)}`;
    const hidden = await post(cyd, long);
    const listener = await openStream(api.http, groupId, cyd.accessToken);
    const other = await openStream(api.http, groupId, bo.accessToken);
    await eventually(() => api.app.get(CommunityEvents).openStreams === 2);
    const hid = await api.http.post(
      `/posts/${hidden.body.id}/hide`,
      { reason: 'Please keep it kind' },
      owner.accessToken,
    );
    expect(hid.status).toBe(200);
    const told = await eventually(
      () =>
        listener.events.find((e) => e.event === 'moderation' && e.data.postId === hidden.body.id),
      5_000,
    );
    expect(told.data.post).toMatchObject({ status: 'hidden', hiddenReason: 'Please keep it kind' });
    const gone = await eventually(
      () => other.events.find((e) => e.event === 'moderation' && e.data.postId === hidden.body.id),
      5_000,
    );
    expect(gone.data.post).toBeNull();
    expect(other.text()).not.toContain('Please keep it kind');
    listener.close();
    other.close();

    const mine = (await list(cyd)).body.items.find((p: { id: string }) => p.id === hidden.body.id);
    expect(mine).toMatchObject({
      status: 'hidden',
      hiddenReason: 'Please keep it kind',
      mine: true,
    });
    for (const reader of [ana, bo]) {
      const items = (await list(reader)).body.items as { id: string }[];
      expect(items.map((p) => p.id)).not.toContain(hidden.body.id);
      expect(
        (await api.http.get(`/posts/${hidden.body.id}/replies`, reader.accessToken)).status,
      ).toBe(404);
    }
    // Its author cannot reply under it.
    const under = await api.http.post(
      `/posts/${hidden.body.id}/replies`,
      { body: 'Why?' },
      cyd.accessToken,
    );
    expect([under.status, under.body.code]).toEqual([403, 'post_closed']);
    const facilitatorView = (await list(owner)).body.items.find(
      (p: { id: string }) => p.id === hidden.body.id,
    );
    expect(facilitatorView).toMatchObject({
      status: 'hidden',
      hiddenReason: 'Please keep it kind',
    });

    // The facilitators' log names the post by its first words.
    const log = await api.http.get(`/groups/${groupId}/moderation/log`, owner.accessToken);
    expect(log.body.items[0]).toMatchObject({
      action: 'hide',
      postId: hidden.body.id,
      postExcerpt: `${long.slice(0, 60)}…`,
    });
    // Restored, the mark goes.
    await api.http.post(`/posts/${hidden.body.id}/restore`, {}, owner.accessToken);
    expect(
      (await list(bo)).body.items.find((p: { id: string }) => p.id === hidden.body.id),
    ).toMatchObject({ status: 'visible', hiddenReason: null });
  });

  it('refuses a muted member posting or replying, with the end time, until unmuted', async () => {
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect(
      (
        await api.http.post(
          `/groups/${groupId}/mutes`,
          { userId: bo.user.id, until },
          ana.accessToken,
        )
      ).status,
    ).toBe(403);
    const muted = await api.http.post(
      `/groups/${groupId}/mutes`,
      { userId: bo.user.id, until, reason: 'Cooling off' },
      owner.accessToken,
    );
    expect(muted.status).toBe(201);

    const refused = await post(bo, 'Let me say one more thing');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('muted');
    expect(refused.body.message).toContain(until);
    const firstPost = (await list(bo)).body.items.at(-1);
    const refusedReply = await api.http.post(
      `/posts/${firstPost.id}/replies`,
      { body: 'A reply' },
      bo.accessToken,
    );
    expect(refusedReply.body.code).toBe('muted');
    expect((await api.http.get(`/groups/${groupId}/space`, bo.accessToken)).body.mutedUntil).toBe(
      until,
    );

    // The facilitators list who is muted now, by alias, with the end and the reason.
    const mutes = () => api.http.get(`/groups/${groupId}/mutes`, owner.accessToken);
    expect((await mutes()).body).toEqual({
      items: [{ userId: bo.user.id, displayName: 'bo', until, reason: 'Cooling off' }],
    });
    expect((await api.http.get(`/groups/${groupId}/mutes`, ana.accessToken)).status).toBe(403);
    // Active by the api's clock: past its end, a mute is no longer listed.
    const clock = api.app.get(Clock);
    const now = clock.now;
    clock.now = () => new Date(Date.parse(until) + 1000);
    try {
      expect((await mutes()).body).toEqual({ items: [] });
    } finally {
      clock.now = now;
    }

    const unmuted = await api.http.request('DELETE', `/groups/${groupId}/mutes/${bo.user.id}`, {
      token: owner.accessToken,
    });
    expect(unmuted.status).toBe(200);
    expect((await post(bo, 'Thanks for the pause.')).status).toBe(201);
    const log = (await api.http.get(`/groups/${groupId}/moderation/log`, owner.accessToken)).body;
    expect(log.items.slice(0, 2).map((a: { action: string }) => a.action)).toEqual([
      'unmute',
      'mute',
    ]);
    expect((await mutes()).body).toEqual({ items: [] });
  });

  it('answers 404 to everyone outside the group: list, replies, stream, report, posting', async () => {
    const postId = (await list(ana)).body.items[0].id as string;
    for (const outsider of [dee, stranger]) {
      const answers = [
        await api.http.get(`/groups/${groupId}/posts`, outsider.accessToken),
        await api.http.get(`/posts/${postId}/replies`, outsider.accessToken),
        await api.http.post(`/posts/${postId}/report`, { reason: 'x' }, outsider.accessToken),
        await api.http.post(`/posts/${postId}/replies`, { body: 'x' }, outsider.accessToken),
        await api.http.post(`/groups/${groupId}/posts`, { body: 'x' }, outsider.accessToken),
        await api.http.get(`/groups/${groupId}/space`, outsider.accessToken),
        await api.http.get(`/groups/${groupId}/moderation`, outsider.accessToken),
        await api.http.get(`/groups/${groupId}/mutes`, outsider.accessToken),
      ];
      expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
      const stream = await openStream(api.http, groupId, outsider.accessToken);
      expect(stream.status).toBe(404);
      expect(stream.text()).not.toContain('data:');
    }
  });

  it('streams a new post to members within a second across api processes, never a held one', async () => {
    // Bo listens on the second api process; Ana writes through the first.
    const member = await openStream(api2.http, groupId, bo.accessToken);
    const facilitator = await openStream(api2.http, groupId, owner.accessToken);
    expect(member.status).toBe(200);
    expect(member.contentType).toContain('text/event-stream');
    await eventually(() => api2.app.get(CommunityEvents).openStreams === 2);

    const heldBody = 'Join my group at example.net';
    const held = await post(ana, heldBody);
    expect(held.body.status).toBe('held');
    const sentAt = performance.now();
    const fresh = await post(ana, 'A quiet evening, finally.', { anonymous: true });
    const delivered = await eventually(
      () => member.events.find((e) => e.event === 'post' && e.data.id === fresh.body.id),
      5_000,
    );
    const delay = delivered.at - sentAt;
    expect(delay).toBeLessThan(1000);
    // Anonymous: nobody's id in what the member's stream carried.
    expect(delivered.data.author).toBeNull();
    expect(member.text()).not.toContain(ana.user.id);

    // The facilitator hears of the held one; the member never does.
    await eventually(
      () => facilitator.events.find((e) => e.event === 'held' && e.data.id === held.body.id),
      5_000,
    );
    expect(member.text()).not.toContain(held.body.id);
    expect(member.text()).not.toContain(heldBody);

    // A held post hidden is none of the members' business: not even its id reaches them.
    await api.http.post(`/posts/${held.body.id}/hide`, {}, owner.accessToken);
    await eventually(
      () =>
        facilitator.events.find((e) => e.event === 'moderation' && e.data.postId === held.body.id),
      5_000,
    );

    // Hiding tells members the post went, by its id only.
    await api.http.post(`/posts/${fresh.body.id}/hide`, { reason: 'test' }, owner.accessToken);
    const gone = await eventually(
      () => member.events.find((e) => e.event === 'moderation' && e.data.postId === fresh.body.id),
      5_000,
    );
    expect(gone.data).toEqual({ postId: fresh.body.id, action: 'hide', post: null });
    expect(member.text()).not.toContain(held.body.id);

    member.close();
    facilitator.close();
    await eventually(() => api2.app.get(CommunityEvents).openStreams === 0, 5_000);
  });

  it('ends the stream of a member withdrawn mid-stream, who hears nothing more', async () => {
    const eve = await registerUser(api.http, 'eve');
    await markEmailVerified(env, eve.user.id);
    await joinOrganization(api.http, owner.accessToken, orgId, eve, 'participant');
    const enrollment = await api.http.post(
      `/groups/${groupId}/enrollments`,
      { userId: eve.user.id },
      owner.accessToken,
    );
    const stream = await openStream(api2.http, groupId, eve.accessToken);
    expect(stream.status).toBe(200);
    await eventually(() => api2.app.get(CommunityEvents).openStreams === 1);

    const withdrawn = await api.http.request('DELETE', `/enrollments/${enrollment.body.id}`, {
      token: owner.accessToken,
    });
    expect(withdrawn.status).toBe(200);
    const after = await post(bo, 'Said after Eve left.');
    expect(after.body.status).toBe('visible');
    await eventually(() => stream.ended(), 5_000);
    expect(stream.text()).not.toContain(after.body.id);
    await eventually(() => api2.app.get(CommunityEvents).openStreams === 0, 5_000);
  });

  it('caps the streams one person holds open, and frees them when the client goes', async () => {
    const streams = [];
    for (let i = 0; i < 5; i++) streams.push(await openStream(api.http, groupId, cyd.accessToken));
    expect(streams.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
    const refused = await openStream(api.http, groupId, cyd.accessToken);
    expect(refused.status).toBe(429);
    expect(refused.text()).toContain('too_many_streams');
    for (const stream of streams) stream.close();
    await eventually(() => api.app.get(CommunityEvents).openStreams === 0, 5_000);
    const again = await openStream(api.http, groupId, cyd.accessToken);
    expect(again.status).toBe(200);
    again.close();
  });

  it('keeps replies to held or hidden posts away from members, and moderation to its table', async () => {
    const held = await post(bo, 'Held thread: see example.org');
    expect(held.body.status).toBe('held');
    // Not even its author replies under it: members would see a reply to a post they cannot.
    const underHeld = await api.http.post(
      `/posts/${held.body.id}/replies`,
      { body: 'Me again' },
      bo.accessToken,
    );
    expect(underHeld.status).toBe(403);
    expect(underHeld.body.code).toBe('post_closed');

    const top = await post(bo, 'A thread that will be hidden.');
    bodies.push('A reply in it.');
    const reply = await api.http.post(
      `/posts/${top.body.id}/replies`,
      { body: 'A reply in it.' },
      cyd.accessToken,
    );
    expect(reply.status).toBe(201);
    await api.http.post(`/posts/${top.body.id}/hide`, {}, owner.accessToken);
    // The reply went with its thread: not readable, not answerable through it, not unread.
    expect(
      (
        await api.http.post(
          `/posts/${reply.body.id}/replies`,
          { body: 'Through the reply' },
          cyd.accessToken,
        )
      ).status,
    ).toBe(404);
    expect(
      (await api.http.post(`/posts/${reply.body.id}/report`, { reason: 'x' }, bo.accessToken))
        .status,
    ).toBe(404);
    const facilitatorThread = await api.http.get(
      `/posts/${top.body.id}/replies`,
      owner.accessToken,
    );
    expect(facilitatorThread.body.items.map((p: { id: string }) => p.id)).toEqual([reply.body.id]);

    // Pinning: twice is a conflict, a reply is not pinnable, unpinning needs a pin.
    const pinnable = (await post(cyd, 'Welcome, everyone.')).body.id as string;
    expect((await api.http.post(`/posts/${pinnable}/pin`, {}, owner.accessToken)).status).toBe(200);
    const twice = await api.http.post(`/posts/${pinnable}/pin`, {}, owner.accessToken);
    expect([twice.status, twice.body.code]).toEqual([409, 'illegal_post_transition']);
    expect((await list(bo)).body.items[0]).toMatchObject({ id: pinnable, pinned: true });
    expect((await api.http.post(`/posts/${pinnable}/unpin`, {}, owner.accessToken)).status).toBe(
      200,
    );
    expect((await api.http.post(`/posts/${pinnable}/unpin`, {}, owner.accessToken)).status).toBe(
      409,
    );
    const replyPin = await api.http.post(`/posts/${reply.body.id}/pin`, {}, owner.accessToken);
    expect([replyPin.status, replyPin.body.code]).toEqual([400, 'reply_not_pinnable']);

    // Bad input is a 400 naming the field.
    const blank = await api.http.post(
      `/posts/${pinnable}/report`,
      { reason: '   ' },
      bo.accessToken,
    );
    expect(blank.status).toBe(400);
    expect(JSON.stringify(blank.body)).toContain('reason');
    const badId = await api.http.get('/posts/not-a-uuid/replies', bo.accessToken);
    expect(badId.status).toBe(400);
    const badMarker = await api.http.put(
      `/groups/${groupId}/read-marker`,
      { lastReadAt: 'yesterday' },
      bo.accessToken,
    );
    expect(badMarker.status).toBe(400);
    expect(JSON.stringify(badMarker.body)).toContain('lastReadAt');
  });

  it('answers a crisis-sounding draft with resources and flags the facilitators once, naming nobody', async () => {
    const draft = 'Honestly I want to die some nights';
    bodies.push(draft);
    const checked = await api.http.request('POST', `/groups/${groupId}/posts/check`, {
      body: { body: draft },
      token: ana.accessToken,
      headers: { 'accept-language': 'bn-BD' },
    });
    expect(checked.status).toBe(201);
    expect(checked.body).toMatchObject({ crisis: true, held: true, reasons: ['crisis'] });
    expect(checked.body.resources.length).toBeGreaterThan(0);
    expect(
      (
        await api.http.post(
          `/groups/${groupId}/posts/check`,
          { body: 'A calm day' },
          ana.accessToken,
        )
      ).body,
    ).toEqual({ crisis: false, resources: [], held: false, reasons: [] });

    const flags = async () =>
      (await api.http.get('/me/notifications', owner.accessToken)).body.items.filter(
        (n: { kind: string }) => n.kind === 'community_crisis',
      );
    expect(await flags()).toEqual([
      expect.objectContaining({ title: 'Someone in your group may need support' }),
    ]);
    const [flag] = await flags();
    expect(`${flag.title} ${flag.body}`).not.toMatch(/want to die|ana|Postpartum/i);
    // A link to the moderation tab, and a sentence with no raw path in it.
    expect(flag.link).toBe(`/groups/${groupId}/space?tab=moderation`);
    expect(flag.body).not.toContain('/groups/');

    // Posting it: held for a facilitator, resources again, no second flag within hours.
    const posted = await post(ana, draft);
    expect(posted.body).toMatchObject({ status: 'held', reasons: ['crisis'], crisis: true });
    expect(posted.body.resources.length).toBeGreaterThan(0);
    expect(posted.body.message).toMatch(/very hard/);
    expect(await flags()).toHaveLength(1);
    const queue = await api.http.get(`/groups/${groupId}/moderation`, owner.accessToken);
    expect(queue.body.crisisFlags).toEqual([
      expect.objectContaining({ member: { userId: ana.user.id, displayName: 'ana' } }),
    ]);
    expect((await list(bo)).body.items.map((p: { id: string }) => p.id)).not.toContain(
      posted.body.id,
    );
  });

  it('keeps a read marker and an unread count per member', async () => {
    const before = (await api.http.get(`/groups/${groupId}/space`, cyd.accessToken)).body;
    expect(before).toMatchObject({ role: 'member', lastReadAt: null, digest: 'daily' });
    expect(before.unreadCount).toBeGreaterThan(0);
    const newest = (await list(cyd)).body.items
      .filter((p: { pinned: boolean }) => !p.pinned)
      .sort((a: { createdAt: string }, b: { createdAt: string }) =>
        b.createdAt.localeCompare(a.createdAt),
      )[0];
    const marked = await api.http.put(
      `/groups/${groupId}/read-marker`,
      { postId: newest.id },
      cyd.accessToken,
    );
    expect(marked.status).toBe(200);
    expect(marked.body.unreadCount).toBe(0);
    await post(ana, 'One more for the road.');
    expect((await api.http.get(`/groups/${groupId}/space`, cyd.accessToken)).body.unreadCount).toBe(
      1,
    );
    const forFacilitator = (await api.http.get(`/groups/${groupId}/space`, owner.accessToken)).body;
    expect(forFacilitator).toMatchObject({ role: 'facilitator' });
    // Held posts, reports and the crisis flag wait for them; members have no queue.
    expect(forFacilitator.moderationCount).toBeGreaterThan(2);
    expect(before.moderationCount).toBe(0);
  });

  it('sends the daily digest once, as a count with a link, and no message carries a post', async () => {
    expect(
      (await api.http.put('/me/community-preferences', { digest: 'none' }, bo.accessToken)).body,
    ).toEqual({ digest: 'none' });
    expect(
      (await api.http.put('/me/community-preferences', { digest: 'weekly' }, bo.accessToken))
        .status,
    ).toBe(400);

    const clock = new ManualClock(new Date(Date.now() + 60_000));
    worker.app.get(Clock).now = () => clock.now();
    const rounds = scheduledJobRunner(
      worker.app,
      CommunityDigestQueue,
      QueueName.Reminders,
      COMMUNITY_DIGEST_JOB,
    );
    const round = async () => {
      clock.advance(60_000);
      await rounds(clock.millis());
    };
    await round();
    const subject = 'Hearth: new posts in your group';
    const to = (user: TestUser) =>
      smtp.messages.filter(
        (m) => m.subject === subject && m.envelopeTo.includes(user.email.toLowerCase()),
      );
    const mail = await eventually(() => to(cyd)[0]);
    expect(mail.text).toMatch(/\d+ new posts? in your group/);
    expect(mail.text).toContain(`https://hearth.example.org/groups/${groupId}/space`);
    expect(to(bo)).toEqual([]); // chose none
    await round();
    expect(to(cyd)).toHaveLength(1);

    // Two rounds at once (two workers, or a retry beside the schedule): still one e-mail each.
    const db = new pg.Client({ connectionString: env.database.url });
    await db.connect();
    try {
      await db.query('DELETE FROM community_digest_deliveries WHERE user_id = $1', [cyd.user.id]);
      const job = worker.app.get(CommunityDigestJob);
      await Promise.all([job.handle(), job.handle()]);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(to(cyd)).toHaveLength(2);
      const inApp = await db.query(
        `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'community_digest'`,
        [cyd.user.id],
      );
      expect(inApp.rows[0].n).toBe(2);
      // The in-app digest leads to the group space (a single group) by its link, not its text.
      const digest = (await api.http.get('/me/notifications', cyd.accessToken)).body.items.find(
        (n: { kind: string }) => n.kind === 'community_digest',
      );
      expect(digest.link).toBe(`/groups/${groupId}/space`);
      expect(digest.body).not.toContain('/');
      // Only paths inside the app are kept: another host is refused by the table too.
      await expect(
        db.query(
          `INSERT INTO notifications (user_id, kind, title, body, link) VALUES ($1, 'x', 'x', 'x', $2)`,
          [cyd.user.id, '//evil.example/x'],
        ),
      ).rejects.toThrow(/notifications_link_check/);
    } finally {
      await db.end();
    }

    // Every e-mail and every notification of this suite: no post's text, no group name.
    const client = new pg.Client({ connectionString: env.database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ kind: string; title: string; body: string }>(
        'SELECT kind, title, body FROM notifications',
      );
      expect(rows.filter((r) => r.kind === 'community_digest').length).toBeGreaterThan(0);
      for (const text of [
        ...rows.map((r) => `${r.title}\n${r.body}`),
        ...smtp.messages.map((m) => `${m.subject}\n${m.text}\n${m.html}`),
      ]) {
        expect(text).not.toContain('Postpartum');
        for (const body of bodies) expect(text).not.toContain(body);
      }
    } finally {
      await client.end();
    }
  });
  it("exports a member's own posts, and erasing the account leaves their posts' places without text", async () => {
    const exported = await api.http.get('/me/export', ana.accessToken);
    const own = exported.body.sections.community.posts as { body: string; anonymous: boolean }[];
    expect(own.map((p) => p.body)).toContain('Week two felt lighter after the walk.');
    expect(own.some((p) => p.anonymous)).toBe(true);
    expect(JSON.stringify(exported.body.sections.community)).not.toContain(bo.user.id);

    const erased = await api.http.request('DELETE', '/me', {
      body: { password: ana.password },
      token: ana.accessToken,
    });
    expect(erased.status).toBe(202);
    const items = (await list(bo)).body.items as {
      status: string;
      body: string;
      author: unknown;
    }[];
    const removed = items.filter((p) => p.status === 'removed');
    expect(removed.length).toBeGreaterThan(0);
    expect(removed.every((p) => p.body === '' && p.author === null)).toBe(true);
    expect(JSON.stringify(items)).not.toContain('Week two felt lighter');
    expect(JSON.stringify(items)).not.toContain(ana.user.id);
  });
});
