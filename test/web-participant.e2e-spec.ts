import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { type Deployment, startDeployment } from './support/deployment.js';
import {
  enrolledParticipant,
  groupStartingIn,
  organizationWithCurriculum,
  type TestUser,
} from './support/groups.js';
import { registerUser, uniqueEmail } from './support/hearth.js';
import type { ReceivedMail, TestSmtpServer } from './support/smtp.js';
import { eventually } from './support/wait.js';
import { checkScreen, openApp, type Size } from './support/web.js';

const PUBLIC_URL = 'https://hearth.example.org';
const AGREEMENT =
  'What is said in the group stays in the group.\n\nWe listen without judging, and we speak for ourselves.';

/** A participant's screens in Chromium, phone and desktop, from the e-mailed invitation on. */
describe('The web app for participants (e2e, Chromium)', () => {
  let deployment: Deployment;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let origin: string;
  let therapist: TestUser;
  let peer: TestUser;
  let orgId: string;
  let groupId: string;
  let sessionIds: string[];
  let facilitatorNotes: string[];
  let versionId: string;

  beforeAll(async () => {
    deployment = await startDeployment('web_participant', {
      smtp: true,
      env: { PUBLIC_URL },
    });
    smtp = deployment.smtp!;
    const { http } = deployment.api;
    origin = http.baseUrl.replace('/api/v1', '');
    browser = await launchChromium();
    therapist = await registerUser(http, 'therapist');
    const made = await organizationWithCurriculum(http, therapist, 'Riverside clinic');
    orgId = made.orgId;
    versionId = made.versionId;
    const curricula = await http.get(`/organizations/${orgId}/curricula`, therapist.accessToken);
    const curriculum = await http.get(
      `/curricula/${curricula.body.items[0].id}`,
      therapist.accessToken,
    );
    facilitatorNotes = curriculum.body.modules.flatMap(
      (m: { agenda: { facilitatorNotes?: string }[] }) =>
        m.agenda.flatMap((a) => (a.facilitatorNotes ? [a.facilitatorNotes] : [])),
    );
    const group = await groupStartingIn(http, therapist, orgId, made.versionId, 5, {
      name: 'Thursday circle',
    });
    groupId = group.groupId;
    sessionIds = group.sessions.map((s) => s.id);
    peer = await enrolledParticipant(deployment.env, http, therapist, orgId, groupId, 'Juniper');
    await http.patch(
      `/organizations/${orgId}`,
      { groupAgreement: AGREEMENT },
      therapist.accessToken,
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await deployment?.close();
  });

  const mailTo = (email: string, subject: string) =>
    smtp.waitFor((mail) => mail.envelopeTo.includes(email) && !!mail.subject?.startsWith(subject));

  /** The e-mailed link, checked to carry its token in the fragment only, at this deployment. */
  function linkIn(mail: ReceivedMail, path: string) {
    const link = new URL(new RegExp(`${PUBLIC_URL}\\S+`).exec(mail.text ?? '')![0]);
    expect(link.pathname).toBe(path);
    expect(link.search).toBe('');
    const token = new URLSearchParams(link.hash.slice(1)).get('token')!;
    expect(token.length).toBeGreaterThan(20);
    return {
      url: `${origin}${link.pathname}${link.hash}`,
      path: `${link.pathname}${link.hash}`,
      token,
    };
  }

  /** Every address the page asks any server for, to prove a token never travels in one. */
  function watchRequests(page: Page): string[] {
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    return urls;
  }

  const login = async (email: string, password: string) =>
    (await deployment.api.http.post('/auth/login', { email, password })).body as {
      accessToken: string;
      user: { id: string };
    };

  /** The whole journey of one invited person, at one size. */
  async function journey(size: Size, alias: string) {
    const { http } = deployment.api;
    const email = uniqueEmail(alias.toLowerCase());
    const password = `a quiet walk by the ${alias} river`;

    // The invitation arrives by real e-mail; its link opens the app's page.
    const invited = await http.post(
      `/organizations/${orgId}/invitations`,
      { email, role: 'participant' },
      therapist.accessToken,
    );
    expect(invited.status).toBe(201);
    const link = linkIn(await mailTo(email, 'You are invited'), '/invitations/accept');
    const page = await openApp(browser, origin, { size, path: link.path });
    const requested = watchRequests(page);
    await page.getByRole('heading', { name: 'Join on Hearth' }).waitFor();
    await checkScreen(page, `invitation-accept-${size}`);
    // A new person must choose an alias; the page says so in plain words.
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Accept the invitation' }).click();
    await page
      .getByText('You are new to Hearth: please choose the name others will see.')
      .waitFor();
    await page.getByLabel('The name others in your group see').fill(alias);
    await page.getByRole('button', { name: 'Accept the invitation' }).click();
    await page.getByRole('heading', { name: `Hello, ${alias}` }).waitFor();
    expect(page.url()).toBe(`${origin}/`);
    expect(requested.filter((url) => url.includes(link.token))).toEqual([]);

    // Signed in and a member: the therapist gives them a seat in the group.
    const me = await login(email, password);
    await http.post(
      `/groups/${groupId}/enrollments`,
      { userId: me.user.id },
      therapist.accessToken,
    );

    // A second organization invites the same person: home shows it, to accept or decline.
    const other = await organizationWithCurriculum(http, therapist, `Hillside ${size}`);
    await http.post(
      `/organizations/${other.orgId}/members`,
      { email, role: 'participant' },
      therapist.accessToken,
    );
    await page.reload();
    await page.getByText(`Hillside ${size} invites you to join as a participant.`).waitFor();
    // What comes after the next meeting names its group, not only "Session 2".
    const comingUp = page.getByRole('region', { name: 'Coming up' });
    await comingUp.getByRole('listitem').first().getByText('Thursday circle').waitFor();
    expect(await comingUp.getByRole('listitem').count()).toBe(
      await comingUp.getByRole('listitem').filter({ hasText: 'Thursday circle' }).count(),
    );
    // A member of an organization is not asked to start one.
    expect(await page.getByText('Running groups? Start an organization').count()).toBe(0);
    await checkScreen(page, `home-invitation-${size}`);
    if (size === 'phone') {
      await page
        .getByRole('button', { name: `Accept the invitation from Hillside ${size}` })
        .click();
      await page.getByText(`You joined Hillside ${size}.`).waitFor();
      const profile = await http.get('/me', me.accessToken);
      expect(profile.body.memberships).toContainEqual({
        organizationId: other.orgId,
        role: 'participant',
      });
    } else {
      await page
        .getByRole('button', { name: `Decline the invitation from Hillside ${size}` })
        .click();
      await page.getByText(`You declined the invitation from Hillside ${size}.`).waitFor();
      expect((await http.get('/me/invitations', me.accessToken)).body.items).toEqual([]);
    }

    // Changes to the schedule reach the person as notifications.
    const moved = (n: number) =>
      http.patch(
        `/sessions/${sessionIds[n]}`,
        { startsAt: new Date(Date.now() + (40 + n) * 24 * 3600_000).toISOString() },
        therapist.accessToken,
      );
    await moved(size === 'phone' ? 2 : 3);
    await moved(size === 'phone' ? 4 : 5);
    await eventually(
      async () => (await http.get('/me/notifications', me.accessToken)).body.unreadCount >= 2,
      30_000,
    );

    // A full group puts them on its waiting list.
    const full = await groupStartingIn(http, therapist, orgId, versionId, 3 * 24 * 60, {
      name: `Full circle ${size}`,
      capacity: 1,
    });
    await http.post(
      `/groups/${full.groupId}/enrollments`,
      { userId: peer.user.id },
      therapist.accessToken,
    );
    const waiting = await http.post(
      `/groups/${full.groupId}/enrollments`,
      { userId: me.user.id },
      therapist.accessToken,
    );
    expect(waiting.body.status).toBe('waitlisted');

    // My groups.
    await page.getByRole('link', { name: 'My groups' }).click();
    await page.getByRole('heading', { name: 'My groups' }).waitFor();
    const seated = page.getByRole('listitem').filter({ hasText: 'Thursday circle' });
    await seated.getByText('You have a place').waitFor();
    await seated.getByText('Next: Session 1:').waitFor();
    const waitlisted = page.getByRole('listitem').filter({ hasText: `Full circle ${size}` });
    await waitlisted.getByText('On the waiting list').waitFor();
    await waitlisted.getByText('You will get an e-mail as soon as a place opens.').waitFor();
    await checkScreen(page, `my-groups-${size}`);

    // The group as a member sees it: aliases only, this week's module, the agreement to read.
    await page.getByRole('link', { name: 'Thursday circle' }).click();
    await page.getByRole('heading', { name: 'Thursday circle', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'This week' }).waitFor();
    await page.getByRole('heading', { name: 'What this session is about' }).waitFor();
    await page.getByRole('heading', { name: 'To practise until next time' }).waitFor();
    const members = page.getByRole('region', { name: 'Who is in the group' });
    await members.getByText('Juniper').waitFor();
    await members.getByText(`${alias} (you)`).waitFor();
    await page.getByText('please read the group agreement').waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toContain(peer.email);
    for (const note of facilitatorNotes) expect(text).not.toContain(note);
    await checkScreen(page, `group-member-${size}`);

    // Joining before consenting is refused, and leads to the agreement; consent leads back.
    const joinPath = `/sessions/${sessionIds[0]}/join`;
    const refused = page.waitForResponse((r) => r.url().endsWith(`/api/v1${joinPath}`));
    await page.goto(`${origin}${joinPath}`);
    await page.getByRole('button', { name: 'Join the session' }).click();
    const refusal = await refused;
    expect(refusal.status()).toBe(403);
    expect(((await refusal.json()) as { code: string }).code).toBe('consent_required');
    await page.getByRole('heading', { name: 'Group agreement' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/groups/${groupId}/agreement`);
    await page.getByText('What is said in the group stays in the group.').waitFor();
    await page.getByText('we speak for ourselves.').waitFor();
    await checkScreen(page, `agreement-${size}`);
    const admitted = page.waitForResponse(
      (r) => r.url().endsWith(`/api/v1${joinPath}`) && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'I agree' }).click();
    expect((await admitted).status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(joinPath);
    const state = await http.get(`/groups/${groupId}/agreement`, me.accessToken);
    expect(state.body).toMatchObject({ consentRequired: false, consentedVersion: 1 });

    await page.goto(`${origin}/groups/${groupId}`);
    await page.getByText('You agreed to the group agreement on').waitFor();

    // Notifications: read one, then the rest.
    await page.getByRole('link', { name: 'Notifications' }).click();
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    const unread = (await http.get('/me/notifications', me.accessToken)).body.unreadCount;
    await page.getByText(`${unread} unread`).waitFor();
    await checkScreen(page, `notifications-${size}`);
    await page
      .getByRole('button', { name: /^Mark as read: / })
      .first()
      .click();
    await page.getByText(`${unread - 1} unread`).waitFor();
    if (unread - 1 > 1) await page.getByRole('button', { name: 'Mark all as read' }).click();
    else await page.getByRole('button', { name: /^Mark as read: / }).click();
    await page.getByText('You are up to date.').waitFor();
    expect((await http.get('/me/notifications', me.accessToken)).body.unreadCount).toBe(0);

    // Profile: e-mail reminders off, and the calendar address to copy or open.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('heading', { name: 'Reminders before each session' }).waitFor();
    const byEmail = page.getByRole('checkbox', { name: 'By e-mail' });
    expect(await byEmail.isChecked()).toBe(true);
    await byEmail.click();
    await page.getByText('Your reminder choices are saved.').waitFor();
    expect(await byEmail.isChecked()).toBe(false);
    expect((await http.get('/me', me.accessToken)).body.reminderChannels).toEqual({
      email: false,
      inApp: true,
    });
    const feed = (await http.get('/me/calendar-feed', me.accessToken)).body.url as string;
    expect(await page.getByLabel('Your calendar address').inputValue()).toBe(feed);
    expect(
      await page.getByRole('link', { name: 'Open in my calendar app' }).getAttribute('href'),
    ).toBe(feed.replace(/^https?:/, 'webcal:'));
    await page.getByRole('button', { name: 'Copy the address' }).click();
    await page.getByText('Copied.').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(feed);
    await checkScreen(page, `profile-${size}`);
    // After a reload the choice is still off.
    await page.reload();
    await page.getByRole('heading', { name: 'Reminders before each session' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'By e-mail' }).isChecked()).toBe(false);
    return page;
  }

  it('takes an invited person from the e-mailed link to their group, agreement, notifications and profile (phone), in Bengali and Indonesian too', async () => {
    const page = await journey('phone', 'Sparrow');
    await page.getByLabel('Language').selectOption('bn');
    await page.getByRole('link', { name: 'আমার গ্রুপ' }).click();
    await page.getByRole('heading', { name: 'আমার গ্রুপ' }).waitFor();
    await page.getByText('আপনার জায়গা আছে').waitFor();
    await checkScreen(page, 'my-groups-bn');
    await page.getByLabel('ভাষা').selectOption('id');
    await page.getByRole('link', { name: 'Thursday circle' }).click();
    await page.getByRole('heading', { name: 'Minggu ini' }).waitFor();
    await page.getByText('Sparrow (Anda)').waitFor();
    await checkScreen(page, 'group-member-id');
    await page.getByLabel('Bahasa').selectOption('en');
  }, 120_000);

  it('takes an invited person through the same journey on a desktop', async () => {
    await journey('desktop', 'Heron');
  }, 120_000);

  it('leaves nothing of the person signed in on a shared device to the next one who accepts an invitation there', async () => {
    const { http } = deployment.api;
    // Juniper is signed in on the family phone and has looked at their groups and profile.
    const page = await openApp(browser, origin, { size: 'phone' });
    await page.getByLabel('E-mail').fill(peer.email);
    await page.getByLabel('Password').fill(peer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'My groups' }).click();
    await page.getByRole('link', { name: 'Thursday circle' }).waitFor();
    await page.getByRole('link', { name: 'Profile' }).click();
    expect(await page.getByLabel('The name others in your group see').inputValue()).toBe('Juniper');
    const juniperRefresh = (await page.evaluate(
      `localStorage.getItem('hearth.refreshToken')`,
    )) as string;
    expect(juniperRefresh).toBeTruthy();

    // Their sister opens her own invitation on the same phone.
    const email = uniqueEmail('wren');
    await http.post(
      `/organizations/${orgId}/invitations`,
      { email, role: 'participant' },
      therapist.accessToken,
    );
    const link = linkIn(await mailTo(email, 'You are invited'), '/invitations/accept');
    await page.goto(link.url);
    await page.getByRole('heading', { name: 'Join on Hearth' }).waitFor();
    await page
      .getByText('You are signed in as Juniper. If this invitation is for someone else,', {
        exact: false,
      })
      .waitFor();
    await page.getByLabel('The name others in your group see').fill('Wren');
    await page.getByLabel('Password').fill('a kite above the quiet field');
    await page.getByRole('button', { name: 'Accept the invitation' }).click();
    await page.getByRole('heading', { name: 'Hello, Wren' }).waitFor();

    // Nothing of Juniper's shows: not their alias, not their groups.
    await page.getByRole('link', { name: 'My groups' }).click();
    await page
      .getByText('You are not in a group yet. When a facilitator adds you to one, it shows here.')
      .waitFor();
    expect(await page.getByText('Thursday circle').count()).toBe(0);
    await page.getByRole('link', { name: 'Profile' }).click();
    await eventually(
      async () =>
        (await page.getByLabel('The name others in your group see').inputValue()) === 'Wren',
    );
    expect(await page.getByText('Juniper').count()).toBe(0);
    // And Juniper's sign-in on this phone is over at the api too.
    const reused = await http.post('/auth/refresh', { refreshToken: juniperRefresh });
    expect(reused.status).toBe(401);
    expect(await page.evaluate(`localStorage.getItem('hearth.refreshToken')`)).not.toBe(
      juniperRefresh,
    );
    await page.context().close();
  }, 60_000);

  it('shows the group agreement page to a member who has not consented, from a direct link', async () => {
    const { http } = deployment.api;
    const page = await openApp(browser, origin, { size: 'phone', path: `/groups/${groupId}` });
    await page.getByLabel('E-mail').fill(peer.email);
    await page.getByLabel('Password').fill(peer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Read the group agreement' }).click();
    await page.getByRole('button', { name: 'I agree' }).click();
    await page.getByText(/^Thank you\. You agreed on /).waitFor();
    await page.getByRole('link', { name: 'Back to the group' }).click();
    await page.getByText('You agreed to the group agreement on').waitFor();
    expect((await http.get(`/groups/${groupId}/agreement`, peer.accessToken)).body).toMatchObject({
      consentRequired: false,
    });
  });

  for (const size of ['phone', 'desktop'] as const) {
    it(`confirms an e-mail address from the e-mailed link (${size})`, async () => {
      const { http } = deployment.api;
      const person = await registerUser(http, `verify${size}`);
      const link = linkIn(
        await mailTo(person.email, 'Confirm your e-mail address'),
        '/verify-email/',
      );
      const page = await openApp(browser, origin, { size, path: link.path });
      const requested = watchRequests(page);
      await page.getByText('Thank you: your e-mail address is confirmed.').waitFor();
      expect(new URL(page.url()).hash).toBe('');
      expect(requested.filter((url) => url.includes(link.token))).toEqual([]);
      await checkScreen(page, `verify-email-${size}`);
      expect((await http.get('/me', person.accessToken)).body.emailVerified).toBe(true);
      // A link whose token was tampered with, or one without its token, says so plainly.
      await page.goto('about:blank');
      await page.goto(`${origin}/verify-email/#token=${link.token.slice(0, -2)}xx`);
      await page
        .getByText('This link is no longer valid. Sign in and ask for a new one.')
        .waitFor();
      await checkScreen(page, `verify-email-invalid-${size}`);
      await page.goto(`${origin}/verify-email/`);
      await page.getByText('This link is incomplete.').waitFor();
    });

    it(`sets a new password from the e-mailed link (${size})`, async () => {
      const { http } = deployment.api;
      const person = await registerUser(http, `reset${size}`);
      await http.post('/auth/password-reset', { email: person.email });
      const link = linkIn(
        await mailTo(person.email, 'Choose a new password for Hearth'),
        '/reset-password/',
      );
      const page = await openApp(browser, origin, { size, path: link.path });
      const requested = watchRequests(page);
      await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
      const fresh = 'lanterns over the quiet harbour';
      await page.getByLabel('New password', { exact: true }).fill(fresh);
      await page.getByLabel('The same password again').fill('lanterns over the quiet harbor');
      await page.getByRole('button', { name: 'Save the new password' }).click();
      await page.getByText('The two passwords are not the same.').waitFor();
      await checkScreen(page, `reset-password-${size}`);
      await page.getByLabel('The same password again').fill(fresh);
      await page.getByRole('button', { name: 'Save the new password' }).click();
      await page.getByText('Your password is changed, and every device was signed out.').waitFor();
      expect(new URL(page.url()).hash).toBe('');
      expect(requested.filter((url) => url.includes(link.token))).toEqual([]);
      expect(
        (await http.post('/auth/login', { email: person.email, password: fresh })).status,
      ).toBe(200);
      expect(
        (await http.post('/auth/login', { email: person.email, password: person.password })).status,
      ).toBe(401);
      // The link works once.
      await page.goto('about:blank');
      await page.goto(link.url);
      await page.getByLabel('New password', { exact: true }).fill('another long phrase here');
      await page.getByLabel('The same password again').fill('another long phrase here');
      await page.getByRole('button', { name: 'Save the new password' }).click();
      await page.getByText('This link is no longer valid.').waitFor();
    });
  }

  it('refuses another group to a member, and ids that are not ids', async () => {
    const { http } = deployment.api;
    const { orgId: otherOrg, versionId } = await organizationWithCurriculum(
      http,
      therapist,
      'Elsewhere clinic',
    );
    const elsewhere = await groupStartingIn(http, therapist, otherOrg, versionId, 120);
    const page = await openApp(browser, origin, { path: `/groups/${elsewhere.groupId}/agreement` });
    await page.getByLabel('E-mail').fill(peer.email);
    await page.getByLabel('Password').fill(peer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This group is not open to you, or it does not exist.').waitFor();
    await page.goto(`${origin}/groups/not-an-id/agreement`);
    await page.getByText('This group is not open to you, or it does not exist.').waitFor();
  });
});
