import {
  enrolledParticipant,
  groupStartingIn,
  organizationWithCurriculum,
  type TestUser,
} from './support/groups.js';
import { markEmailVerified, registerUser, useApi } from './support/hearth.js';
import { joinOrganization } from './support/members.js';

interface Summary {
  id: string;
  title: string;
  kind: string;
  url: string | null;
  excerpt: string;
  hasBody: boolean;
  tags: string[];
  language: string;
}

const WORKSHEET = {
  title: 'Thought record',
  kind: 'worksheet',
  language: 'en',
  tags: ['CBT', 'mood'],
  body: 'Situation:\nAutomatic thought:\nEvidence for:\nEvidence against:\n<b>not HTML</b>',
};
const VIDEO = {
  title: 'Why sleep matters',
  kind: 'video',
  language: 'en',
  tags: ['sleep'],
  url: 'https://videos.example.org/sleep',
};

/**
 * Issue 15, deliver 4: the organization's resource library. Members read it, curators (owners,
 * admins, therapists, peer supporters) write it, another organization sees nothing; resources
 * attach to a curriculum's module and the group's members read them through their session.
 */
describe('Resources (e2e)', () => {
  const context = useApi('resources');
  let therapist: TestUser;
  let peer: TestUser;
  let ana: TestUser;
  let stranger: TestUser;
  let orgId: string;
  let otherOrgId: string;
  let curriculumId: string;
  let groupId: string;
  let sessionIds: string[];
  let worksheetId: string;
  let videoId: string;

  const http = () => context.api.http;
  const remove = (id: string, user: TestUser) =>
    http().request('DELETE', `/resources/${id}`, { token: user.accessToken });

  beforeAll(async () => {
    therapist = await registerUser(http(), 'therapist');
    let versionId: string;
    ({ orgId, versionId } = await organizationWithCurriculum(http(), therapist, 'Harbour'));
    curriculumId = (await http().get(`/organizations/${orgId}/curricula`, therapist.accessToken))
      .body.items[0].id;
    const group = await groupStartingIn(http(), therapist, orgId, versionId, 24 * 60);
    groupId = group.groupId;
    sessionIds = group.sessions.map((s) => s.id);
    ana = await enrolledParticipant(context.env, http(), therapist, orgId, groupId, 'ana');
    peer = await registerUser(http(), 'peer');
    await markEmailVerified(context.env, peer.user.id);
    await joinOrganization(http(), therapist.accessToken, orgId, peer, 'peer_supporter');
    stranger = await registerUser(http(), 'stranger');
    otherOrgId = (await http().post('/organizations', { name: 'Elsewhere' }, stranger.accessToken))
      .body.id;
  }, 60_000);

  const create = (body: unknown, user: TestUser, org = orgId) =>
    http().post(`/organizations/${org}/resources`, body, user.accessToken);
  const list = (user: TestUser, query = '', org = orgId) =>
    http().get(`/organizations/${org}/resources${query}`, user.accessToken);

  it('lets a therapist add a worksheet and a peer supporter a video; tags are kept in lower case', async () => {
    const worksheet = await create(WORKSHEET, therapist);
    expect(worksheet.status).toBe(201);
    expect(worksheet.body).toMatchObject({
      title: 'Thought record',
      kind: 'worksheet',
      url: null,
      body: WORKSHEET.body,
      tags: ['cbt', 'mood'],
      language: 'en',
      createdBy: { userId: therapist.user.id, displayName: 'therapist' },
      canEdit: true,
    });
    worksheetId = worksheet.body.id;
    const video = await create(VIDEO, peer);
    expect(video.status).toBe(201);
    expect(video.body).toMatchObject({ kind: 'video', url: VIDEO.url, body: null });
    videoId = video.body.id;
  });

  it('lets members read the library and a resource, but never write (403)', async () => {
    const page = await list(ana);
    expect(page.status).toBe(200);
    expect(page.body.canEdit).toBe(false);
    expect((page.body.items as Summary[]).map((r) => r.title)).toEqual([
      'Why sleep matters',
      'Thought record',
    ]);
    const one = await http().get(`/resources/${worksheetId}`, ana.accessToken);
    expect(one.status).toBe(200);
    // Members read the resource, not who wrote it.
    expect(one.body).toMatchObject({
      body: WORKSHEET.body,
      canEdit: false,
      createdBy: null,
      updatedBy: null,
    });

    expect((await create(WORKSHEET, ana)).status).toBe(403);
    const patch = await http().patch(`/resources/${worksheetId}`, { title: 'x' }, ana.accessToken);
    expect(patch.status).toBe(403);
    expect((await remove(worksheetId, ana)).status).toBe(403);
    const attach = await http().put(
      `/curricula/${curriculumId}/modules/0/resources`,
      { resourceIds: [worksheetId] },
      ana.accessToken,
    );
    expect(attach.status).toBe(403);
  });

  it("answers 404 for another organization's library and resources", async () => {
    expect((await list(stranger)).status).toBe(404);
    expect((await create(WORKSHEET, stranger)).status).toBe(404);
    expect((await http().get(`/resources/${worksheetId}`, stranger.accessToken)).status).toBe(404);
    const patch = await http().patch(
      `/resources/${worksheetId}`,
      { title: 'Mine now' },
      stranger.accessToken,
    );
    expect(patch.status).toBe(404);
    expect((await remove(videoId, stranger)).status).toBe(404);
    // Their own library does not show ours.
    expect((await list(stranger, '', otherOrgId)).body.items).toEqual([]);
    // Nor can they attach to our curriculum, or attach ours to theirs.
    const theirs = await create({ ...VIDEO, title: 'Theirs' }, stranger, otherOrgId);
    const onOurs = await http().put(
      `/curricula/${curriculumId}/modules/0/resources`,
      { resourceIds: [theirs.body.id] },
      stranger.accessToken,
    );
    expect(onOurs.status).toBe(404);
    const theirsOnOurs = await http().put(
      `/curricula/${curriculumId}/modules/0/resources`,
      { resourceIds: [theirs.body.id] },
      therapist.accessToken,
    );
    expect(theirsOnOurs.status).toBe(404);
    expect(theirsOnOurs.body.code).toBe('resource_not_found');
  });

  it.each([
    ['a javascript: address', { ...VIDEO, url: 'javascript:alert(1)' }, 'url'],
    ['a data: address', { ...VIDEO, url: 'data:text/html,<script>alert(1)</script>' }, 'url'],
    ['a plain http address', { ...VIDEO, url: 'http://example.org/video' }, 'url'],
    ['an address with a password', { ...VIDEO, url: 'https://a:b@example.org/' }, 'url'],
    ['a video without an address', { ...VIDEO, url: undefined }, 'url'],
    ['a worksheet with neither text nor address', { ...WORKSHEET, body: '  ' }, 'body'],
    ['an unknown kind', { ...VIDEO, kind: 'podcast' }, 'kind'],
    ['a tag with markup', { ...VIDEO, tags: ['<b>'] }, 'tags'],
    ['the same tag twice', { ...VIDEO, tags: ['Sleep', 'sleep'] }, 'tags'],
    ['a language that is no code', { ...VIDEO, language: 'English' }, 'language'],
    ['an empty title', { ...VIDEO, title: ' ' }, 'title'],
    ['a text over the limit', { ...WORKSHEET, body: 'x'.repeat(20_001) }, 'body'],
  ])('refuses %s with a 400 naming the field', async (_case, body, field) => {
    const answer = await create(body, therapist);
    expect(answer.status).toBe(400);
    expect((answer.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
  });

  it('changes a resource, keeps a video with an address, and records who changed it', async () => {
    const renamed = await http().patch(
      `/resources/${videoId}`,
      { title: 'Sleep, and why it matters', tags: ['Sleep', 'rest'] },
      therapist.accessToken,
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      title: 'Sleep, and why it matters',
      tags: ['sleep', 'rest'],
      createdBy: { userId: peer.user.id },
      updatedBy: { userId: therapist.user.id },
    });
    const noUrl = await http().patch(`/resources/${videoId}`, { url: null }, therapist.accessToken);
    expect(noUrl.status).toBe(400);
    expect(noUrl.body.errors[0].field).toBe('url');
    const badUrl = await http().patch(
      `/resources/${videoId}`,
      { url: 'javascript:alert(1)' },
      therapist.accessToken,
    );
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.errors[0].field).toBe('url');
  });

  it('filters by tag, kind, language and words, and pages with a cursor', async () => {
    await create(
      { title: 'ঘুমের অভ্যাস', kind: 'article', language: 'bn', tags: ['ঘুম'], body: 'রাতে...' },
      therapist,
    );
    await create(
      { title: 'Napas tenang', kind: 'audio', language: 'id', url: 'https://audio.example.org/1' },
      therapist,
    );
    const titles = async (query: string) =>
      ((await list(ana, query)).body.items as Summary[]).map((r) => r.title);
    expect(await titles('?tag=sleep')).toEqual(['Sleep, and why it matters']);
    expect(await titles('?tag=SLEEP')).toEqual(['Sleep, and why it matters']);
    expect(await titles(`?tag=${encodeURIComponent('ঘুম')}`)).toEqual(['ঘুমের অভ্যাস']);
    expect(await titles('?kind=worksheet')).toEqual(['Thought record']);
    expect(await titles('?language=id')).toEqual(['Napas tenang']);
    expect(await titles('?q=evidence')).toEqual(['Thought record']);
    expect(await titles('?q=100%25')).toEqual([]);
    expect(await titles('?kind=audio&language=en')).toEqual([]);
    const bad = await list(ana, '?kind=podcast');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('kind');

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(ana, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(1);
      seen.push(...(page.body.items as Summary[]).map((r) => r.title));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([
      'Napas tenang',
      'ঘুমের অভ্যাস',
      'Sleep, and why it matters',
      'Thought record',
    ]);
    const listed = (await list(ana)).body.items as Summary[];
    const worksheet = listed.find((r) => r.id === worksheetId)!;
    expect(worksheet).toMatchObject({ hasBody: true, excerpt: WORKSHEET.body });
    expect(worksheet).not.toHaveProperty('body');
  });

  it("attaches resources to a module, in order, and members read them through that module's session", async () => {
    const put = await http().put(
      `/curricula/${curriculumId}/modules/1/resources`,
      { resourceIds: [videoId, worksheetId] },
      therapist.accessToken,
    );
    expect(put.status).toBe(200);
    expect((put.body.items as Summary[]).map((r) => r.id)).toEqual([videoId, worksheetId]);
    const read = await http().get(
      `/curricula/${curriculumId}/modules/1/resources`,
      peer.accessToken,
    );
    expect((read.body.items as Summary[]).map((r) => r.id)).toEqual([videoId, worksheetId]);

    // Session 2 holds module 1: its members read them; session 1 holds module 0, which has none.
    const second = await http().get(`/sessions/${sessionIds[1]}/resources`, ana.accessToken);
    expect(second.status).toBe(200);
    expect((second.body.items as Summary[]).map((r) => r.title)).toEqual([
      'Sleep, and why it matters',
      'Thought record',
    ]);
    const first = await http().get(`/sessions/${sessionIds[0]}/resources`, ana.accessToken);
    expect(first.body.items).toEqual([]);
    const facilitator = await http().get(
      `/sessions/${sessionIds[1]}/resources`,
      therapist.accessToken,
    );
    expect(facilitator.body.items).toHaveLength(2);
    // Someone outside the group reads nothing of it.
    const outsider = await http().get(`/sessions/${sessionIds[1]}/resources`, stranger.accessToken);
    expect(outsider.status).toBe(404);

    // Replacing the list reorders and drops; deleting a resource takes it off the module.
    await http().put(
      `/curricula/${curriculumId}/modules/1/resources`,
      { resourceIds: [worksheetId] },
      therapist.accessToken,
    );
    expect(
      (await http().get(`/sessions/${sessionIds[1]}/resources`, ana.accessToken)).body.items,
    ).toHaveLength(1);
    expect((await remove(worksheetId, peer)).status).toBe(204);
    expect((await http().get(`/resources/${worksheetId}`, ana.accessToken)).status).toBe(404);
    expect(
      (await http().get(`/sessions/${sessionIds[1]}/resources`, ana.accessToken)).body.items,
    ).toEqual([]);
  });

  it('refuses a module the curriculum does not have, and a bad index or id list, naming the field', async () => {
    const far = await http().put(
      `/curricula/${curriculumId}/modules/99/resources`,
      { resourceIds: [] },
      therapist.accessToken,
    );
    expect(far.status).toBe(404);
    expect(far.body.code).toBe('module_not_found');
    const negative = await http().put(
      `/curricula/${curriculumId}/modules/-1/resources`,
      { resourceIds: [] },
      therapist.accessToken,
    );
    expect(negative.status).toBe(400);
    expect(negative.body.errors[0].field).toBe('index');
    const notIds = await http().put(
      `/curricula/${curriculumId}/modules/0/resources`,
      { resourceIds: ['nope'] },
      therapist.accessToken,
    );
    expect(notIds.status).toBe(400);
    expect(notIds.body.errors[0].field).toBe('resourceIds');
    const twice = await http().put(
      `/curricula/${curriculumId}/modules/0/resources`,
      { resourceIds: [videoId, videoId] },
      therapist.accessToken,
    );
    expect(twice.status).toBe(400);
  });

  it('keeps a resource when its author erases their account, showing curators "Former member"', async () => {
    const author = await registerUser(http(), 'author');
    await markEmailVerified(context.env, author.user.id);
    await joinOrganization(http(), therapist.accessToken, orgId, author, 'therapist');
    const made = await create({ ...VIDEO, title: 'Breathing, slowly' }, author);
    expect(made.status).toBe(201);
    const erased = await http().request('DELETE', '/me', {
      token: author.accessToken,
      body: { password: author.password },
    });
    expect(erased.status).toBe(202);
    const kept = await http().get(`/resources/${made.body.id}`, therapist.accessToken);
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({
      title: 'Breathing, slowly',
      createdBy: { userId: author.user.id, displayName: 'Former member' },
    });
  });
});
