import {
  createTestEnvironment,
  markEmailVerified,
  registerUser,
  type RunningApi,
  startApi,
  type TestEnvironment,
} from './support/hearth.js';
import { joinOrganization } from './support/members.js';

/** Issue 14: crisis resources per locale, public, an organization's own first. */
describe('Crisis resources (e2e)', () => {
  let env: TestEnvironment;
  let api: RunningApi;

  beforeAll(async () => {
    env = await createTestEnvironment('crisis_resources');
    api = await startApi(env.config);
  });

  afterAll(async () => {
    await api?.close();
    await env?.close();
  });

  it('answers anyone, no account needed, for their locale', async () => {
    const gb = await api.http.get('/crisis-resources?locale=en-GB');
    expect(gb.status).toBe(200);
    expect(gb.body.items[0]).toMatchObject({ name: 'Samaritans', phone: '116 123' });
    const bn = await api.http.get('/crisis-resources?locale=bn-BD');
    expect(bn.body.items.map((i: { phone?: string }) => i.phone)).toContain('999');
    const id = await api.http.get('/crisis-resources?locale=id');
    expect(id.body.items[0].url).toBe('https://healing119.id');
    const bad = await api.http.get('/crisis-resources?locale=english');
    expect([bad.status, bad.body.code]).toEqual([400, 'validation_failed']);
  });

  it("lists an organization's own resources first; only owners and admins set them", async () => {
    const owner = await registerUser(api.http, 'owner');
    const orgId = (
      await api.http.post('/organizations', { name: 'Dhaka clinic' }, owner.accessToken)
    ).body.id;
    const own = {
      locale: 'bn-BD',
      items: [
        {
          name: 'ক্লিনিকের অন-কল থেরাপিস্ট',
          description: 'জরুরি প্রয়োজনে আমাদের অন-কল থেরাপিস্টকে ফোন করুন।',
          phone: '+880 1700 000000',
          hours: 'সকাল ৯টা - রাত ৯টা',
        },
      ],
    };
    const therapist = await registerUser(api.http, 'therapist');
    await markEmailVerified(env, therapist.user.id);
    await joinOrganization(api.http, owner.accessToken, orgId, therapist, 'therapist');
    expect(
      (await api.http.put(`/organizations/${orgId}/crisis-resources`, own, therapist.accessToken))
        .status,
    ).toBe(403);

    const set = await api.http.put(
      `/organizations/${orgId}/crisis-resources`,
      own,
      owner.accessToken,
    );
    expect(set.status).toBe(200);
    const listed = await api.http.get(`/crisis-resources?locale=bn-BD&organizationId=${orgId}`);
    expect(listed.body.items[0]).toEqual(own.items[0]);
    expect(listed.body.items.slice(1).map((i: { phone?: string }) => i.phone)).toContain('999');
    // Other locales and other callers are unchanged.
    expect((await api.http.get('/crisis-resources?locale=bn-BD')).body.items[0].name).not.toBe(
      own.items[0].name,
    );

    const insecure = await api.http.put(
      `/organizations/${orgId}/crisis-resources`,
      { locale: 'bn-BD', items: [{ name: 'x', description: 'y', url: 'http://example.org' }] },
      owner.accessToken,
    );
    expect(insecure.status).toBe(400);
  });
});
