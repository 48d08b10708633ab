import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { type Deployment, startDeployment } from './support/deployment.js';
import {
  enrolledParticipant,
  groupStartingIn,
  organizationWithCurriculum,
  type TestUser,
  verifiedMember,
} from './support/groups.js';
import { registerUser } from './support/hearth.js';
import { checkScreen, type Size, signedInPage } from './support/web.js';

/**
 * The group space in the web app, in Chromium against the real api: posts under an alias or
 * anonymous (facilitators still see who), content warnings folded, a post with a link held until a
 * facilitator approves it in the queue and then live on other members' screens without a reload,
 * a crisis-sounding draft answered with where to turn before anything is posted, a report that
 * never names the reporter, a mute, the moderation log, watched words and the digest choice.
 */
describe('The group space in the web app (e2e, Chromium)', () => {
  let deployment: Deployment;
  let browser: Browser;
  let origin: string;
  let maya: TestUser;
  let juniper: TestUser;
  let rowan: TestUser;
  let orgId: string;
  let groupId: string;
  const space = () => `/groups/${groupId}/space`;

  beforeAll(async () => {
    deployment = await startDeployment('web_space', { smtp: true });
    const { http } = deployment.api;
    origin = http.baseUrl.replace('/api/v1', '');
    browser = await launchChromium();
    maya = await registerUser(http, 'Maya');
    const org = await organizationWithCurriculum(http, maya, 'Riverside clinic');
    orgId = org.orgId;
    const group = await groupStartingIn(http, maya, orgId, org.versionId, 24 * 60, {
      name: 'Thursday circle',
    });
    groupId = group.groupId;
    juniper = await enrolledParticipant(deployment.env, http, maya, orgId, groupId, 'Juniper');
    rowan = await enrolledParticipant(deployment.env, http, maya, orgId, groupId, 'Rowan');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await deployment?.close();
  });

  const signedIn = (user: TestUser, size: Size, path: string) =>
    signedInPage(browser, origin, user, { size, path });

  const setLanguage = (page: Page, code: 'en' | 'bn' | 'id') =>
    page.getByLabel(/Language|ভাষা|Bahasa/).selectOption(code);

  const post = (page: Page, text: string | RegExp) =>
    page.getByRole('article').filter({ hasText: text });

  it('lets a member post under her alias from her group page', async () => {
    const page = await signedIn(juniper, 'phone', `/groups/${groupId}`);
    await page.getByRole('link', { name: 'Open the group space' }).click();
    await page.getByRole('heading', { name: /Group space/ }).waitFor();
    await page.getByText('No posts yet. You could be the first to say hello.').waitFor();
    await page.getByText('Posting as Juniper').waitFor();
    await checkScreen(page, 'space-empty-phone');
    await page.getByLabel('Your post').fill('Walked to the river today; it helped a little.');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Posted.' }).waitFor();
    await post(page, 'Walked to the river').getByText('Juniper (you)').waitFor();
    await checkScreen(page, 'space-posted-phone');
    await page.context().close();
  }, 90_000);

  it('lets another member post anonymously with a content warning, in Indonesian on a desktop', async () => {
    const page = await signedIn(rowan, 'desktop', space());
    await setLanguage(page, 'id');
    await page.getByRole('heading', { name: /Ruang grup/ }).waitFor();
    await post(page, 'Walked to the river').getByText('Juniper', { exact: true }).waitFor();
    await page.getByLabel('Kiriman Anda').fill('Some nights I cannot sleep since my father died.');
    await page.getByLabel('Peringatan konten (opsional)').fill('grief');
    await page.getByText('Kirim tanpa nama').click();
    await page.getByText('Mengirim sebagai Anonim').waitFor();
    await checkScreen(page, 'space-compose-id-desktop');
    await page.getByRole('button', { name: 'Kirim', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Terkirim.' }).waitFor();
    await post(page, 'Peringatan konten: grief').getByText('Anonim (Anda)').waitFor();
    await checkScreen(page, 'space-feed-id-desktop');
    await page.context().close();
  }, 90_000);

  it('shows other members "Anonymous", folded behind its warning, and the facilitator who wrote it', async () => {
    const page = await signedIn(juniper, 'phone', space());
    const anonymous = post(page, 'Content warning: grief');
    await anonymous.getByText('Anonymous', { exact: true }).waitFor();
    expect(await anonymous.getByText('since my father died').count()).toBe(0);
    await checkScreen(page, 'space-warning-phone');
    await anonymous.getByRole('button', { name: 'Show post' }).click();
    await anonymous.getByText('Some nights I cannot sleep since my father died.').waitFor();
    expect(await page.locator('main').innerText()).not.toContain('Rowan');
    await page.context().close();

    const facilitator = await signedIn(maya, 'desktop', `/groups/${groupId}`);
    await facilitator.getByRole('link', { name: 'Open the group space' }).click();
    await post(facilitator, 'Content warning: grief')
      .getByText('Anonymous to members · written by Rowan')
      .waitFor();
    await checkScreen(facilitator, 'space-facilitator-desktop');
    await facilitator.context().close();
  }, 90_000);

  it('holds a post with a link for review, then shows it live to members once approved', async () => {
    const link = 'This sleep guide helped me: https://example.org/sleep';
    // Rowan has the space open, in Bengali on his phone, all along.
    const watching = await signedIn(rowan, 'phone', space());
    await setLanguage(watching, 'bn');
    await watching.getByRole('heading', { name: /গ্রুপের জায়গা/ }).waitFor();
    await post(watching, 'Walked to the river').waitFor();

    const author = await signedIn(juniper, 'phone', space());
    await author.getByLabel('Your post').fill(link);
    await author.getByRole('button', { name: 'Post', exact: true }).click();
    await author
      .getByRole('status')
      .filter({ hasText: 'Thank you. A facilitator will look at your post soon' })
      .waitFor();
    await post(author, 'example.org/sleep').getByText('Waiting for review').waitFor();
    await checkScreen(author, 'space-held-phone');
    await author.context().close();

    // Not on Rowan's screen, nor after reading the feed again.
    await watching.reload();
    await post(watching, 'Walked to the river').waitFor();
    expect(await post(watching, 'example.org/sleep').count()).toBe(0);
    await checkScreen(watching, 'space-feed-bn-phone');

    const facilitator = await signedIn(maya, 'desktop', `/groups/${groupId}`);
    await facilitator.getByRole('link', { name: '1 item waits for a facilitator' }).click();
    await facilitator.getByRole('heading', { name: 'Waiting for a facilitator' }).waitFor();
    const queued = facilitator
      .getByRole('listitem')
      .filter({ hasText: 'Held: it contains a link or contact details' });
    await queued.getByText(link).waitFor();
    await checkScreen(facilitator, 'space-queue-desktop');
    await queued.getByRole('button', { name: 'Approve the post by Juniper' }).click();
    await facilitator.getByText('Nothing is waiting. Thank you for looking.').waitFor();

    // Live on Rowan's screen, without a reload, announced to his screen reader.
    await post(watching, 'example.org/sleep').waitFor({ timeout: 5_000 });
    await watching.getByRole('status').filter({ hasText: 'নতুন পোস্ট' }).waitFor();
    await watching.context().close();
    await facilitator.context().close();
  }, 120_000);

  it('shows where to turn before a crisis-sounding draft is posted, and lets the writer choose', async () => {
    const page = await signedIn(rowan, 'phone', space());
    await page.getByLabel('Your post').fill('Honestly I just want to end my life.');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByRole('heading', { name: 'You do not have to carry this alone' }).waitFor();
    expect(await page.getByRole('link', { name: /^Call / }).count()).toBeGreaterThan(0);
    await page.getByText('Would you still like to post this to your group?').waitFor();
    await checkScreen(page, 'space-crisis-phone');
    await page.getByRole('button', { name: 'Don’t post' }).click();
    await page.getByText('Nothing was posted.', { exact: false }).waitFor();
    expect(await page.getByLabel('Your post').inputValue()).toBe(
      'Honestly I just want to end my life.',
    );
    const posts = await deployment.api.http.get(`/groups/${groupId}/posts`, maya.accessToken);
    expect(JSON.stringify(posts.body)).not.toContain('end my life');
    await page.context().close();

    // The facilitators are told someone may need support, without the words: the notice is a
    // link to the space's moderation tab, where they see who.
    const facilitator = await signedIn(maya, 'phone', '/notifications');
    const notice = facilitator.getByRole('link', {
      name: 'Someone in your group may need support',
    });
    await notice.waitFor();
    expect(await facilitator.locator('main').innerText()).not.toMatch(/end my life|\/groups\//);
    await checkScreen(facilitator, 'space-crisis-notice-phone');
    await notice.click();
    await facilitator.waitForURL((url) => url.pathname.startsWith(space()));
    const flags = facilitator.getByRole('region', { name: 'May need support' });
    await flags.getByText(/^Rowan \(/).waitFor();
    expect(await facilitator.locator('main').innerText()).not.toContain('end my life');
    await checkScreen(facilitator, 'space-crisis-flag-phone');
    await flags.getByRole('button', { name: 'I have reached out to Rowan' }).click();
    await facilitator.getByText('Nothing is waiting. Thank you for looking.').waitFor();
    await facilitator.context().close();
  }, 90_000);

  it('takes a report without telling anyone who sent it', async () => {
    const page = await signedIn(rowan, 'phone', space());
    await post(page, 'Walked to the river')
      .getByRole('button', { name: 'Report the post by Juniper' })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('The author will not learn who reported it.').waitFor();
    await dialog.getByText('Misleading health information').click();
    await dialog.getByLabel('Anything to add (optional)').fill('Rivers are cold');
    await checkScreen(page, 'space-report-phone');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog
      .getByText(
        'Thank you. A facilitator will look at it. The author will not learn who reported it.',
      )
      .waitFor();
    await page.context().close();

    const facilitator = await signedIn(maya, 'desktop', `${space()}/moderation`);
    const reported = facilitator.locator('.queue-item').filter({ hasText: 'Reported once' });
    await reported
      .getByText('Reasons: Misleading health information: “Rivers are cold”', { exact: false })
      .waitFor();
    // Rowan's name appears only on his own posts, which the queue does not hold.
    expect(await reported.innerText()).not.toContain('Rowan');
    await checkScreen(facilitator, 'space-reported-desktop');
    await facilitator.context().close();

    const author = await signedIn(juniper, 'phone', space());
    await post(author, 'Walked to the river').waitFor();
    expect(await author.locator('main').innerText()).not.toMatch(/Rowan|Reported/);
    await author.context().close();
  }, 90_000);

  it('lets a facilitator keep a reported post, named in the log by its first words', async () => {
    const facilitator = await signedIn(maya, 'phone', `${space()}/moderation`);
    const reported = facilitator.locator('.queue-item').filter({ hasText: 'Reported once' });
    await reported.getByText('Walked to the river', { exact: false }).waitFor();
    // A facilitator acts on the post; reporting it is for members.
    expect(await reported.getByRole('button', { name: /^Report/ }).count()).toBe(0);
    await reported.getByRole('button', { name: 'Keep the post by Juniper' }).click();
    const dialog = facilitator.getByRole('dialog');
    await dialog.getByText('A new report brings it back here.', { exact: false }).waitFor();
    await dialog.getByLabel('Reason (kept in the moderation log)').fill('Harmless');
    await checkScreen(facilitator, 'space-keep-phone');
    await dialog.getByRole('button', { name: 'Keep the post', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await facilitator.getByText('Nothing is waiting. Thank you for looking.').waitFor();

    await facilitator.getByRole('link', { name: 'Moderation log' }).click();
    const entry = facilitator
      .getByRole('listitem')
      .filter({ hasText: 'Maya kept a reported post' });
    await entry.getByText(/^Post: “Walked to the river/).waitFor();
    await entry.getByText('Reason: Harmless').waitFor();
    expect(await entry.innerText()).not.toContain('Rowan');
    await checkScreen(facilitator, 'space-log-excerpt-phone');
    await facilitator.context().close();

    // Still there for members.
    const member = await signedIn(rowan, 'phone', space());
    await post(member, 'Walked to the river').waitFor();
    await member.context().close();
  }, 120_000);

  it('shows its author a hidden post marked so, with the reason; other members never see it', async () => {
    const text = 'A thought I may regret sharing';
    const created = await deployment.api.http.post(
      `/groups/${groupId}/posts`,
      { body: text },
      juniper.accessToken,
    );
    await deployment.api.http.post(
      `/posts/${created.body.id}/hide`,
      { reason: 'Let us talk about it at the next meeting' },
      maya.accessToken,
    );
    for (const [language, size] of [
      ['en', 'phone'],
      ['bn', 'desktop'],
      ['id', 'phone'],
    ] as const) {
      const author = await signedIn(juniper, size, space());
      if (language !== 'en') await setLanguage(author, language);
      const mine = post(author, text);
      await mine
        .getByText(
          {
            en: 'Hidden by a facilitator. Other members no longer see it.',
            bn: 'একজন ফ্যাসিলিটেটর এটি লুকিয়েছেন। অন্য সদস্যরা আর এটি দেখতে পান না।',
            id: 'Disembunyikan oleh fasilitator. Anggota lain tidak lagi melihatnya.',
          }[language],
        )
        .waitFor();
      await mine.getByText('Let us talk about it at the next meeting', { exact: false }).waitFor();
      await checkScreen(author, `space-hidden-own-${language}-${size}`);
      await author.context().close();
    }
    const other = await signedIn(rowan, 'phone', space());
    await post(other, 'Walked to the river').waitFor();
    expect(await post(other, text).count()).toBe(0);
    expect(await other.locator('main').innerText()).not.toContain('next meeting');
    await other.context().close();
  }, 120_000);

  it('shows a person outside the group that the space was not found, not a loading page', async () => {
    // In the organization, not in the group: the api answers 404 for the space.
    const outsider = await verifiedMember(
      deployment.env,
      deployment.api.http,
      maya,
      orgId,
      'Sol',
      'participant',
    );
    // And someone in no organization at all.
    const stranger = await registerUser(deployment.api.http, 'Tam');
    for (const [who, size] of [
      [outsider, 'phone'],
      [stranger, 'desktop'],
    ] as const) {
      const page = await signedIn(who, size, space());
      await page.getByRole('alert').filter({ hasText: 'This group space was not found.' }).waitFor({
        timeout: 10_000,
      });
      expect(await page.getByText('Loading…').count()).toBe(0);
      await checkScreen(page, `space-not-found-${size}`);
      await page.context().close();
    }
  }, 90_000);

  it('lets a facilitator mute a member for a week, who then cannot post, and unmute them', async () => {
    const facilitator = await signedIn(maya, 'desktop', space());
    await facilitator.getByRole('button', { name: 'Mute Rowan' }).first().click();
    const dialog = facilitator.getByRole('alertdialog');
    await dialog.getByText('1 week').click();
    await dialog.getByLabel('Reason (kept in the moderation log)').fill('Needs a pause');
    await checkScreen(facilitator, 'space-mute-desktop');
    await dialog.getByRole('button', { name: 'Mute', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    // The moderation tab lists who is muted now, until when and why.
    await facilitator
      .getByRole('link', { name: /^Moderation/ })
      .first()
      .click();
    const mutes = facilitator.getByRole('region', { name: 'Muted members' });
    await mutes.getByText(/^Rowan, until /).waitFor();
    await mutes.getByText('Reason: Needs a pause').waitFor();
    await checkScreen(facilitator, 'space-mutes-desktop');

    const muted = await signedIn(rowan, 'phone', space());
    await setLanguage(muted, 'id');
    await muted.getByRole('heading', { name: 'Anda sedang tidak dapat mengirim' }).waitFor();
    expect(await muted.getByLabel('Kiriman Anda').count()).toBe(0);
    await checkScreen(muted, 'space-muted-id-phone');
    const refused = await deployment.api.http.post(
      `/groups/${groupId}/posts`,
      { body: 'Still here' },
      rowan.accessToken,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('muted');

    await facilitator.getByRole('link', { name: 'Moderation log' }).click();
    await facilitator.getByText('Maya muted Rowan').waitFor();
    await facilitator.getByText('Reason: Needs a pause').waitFor();
    await facilitator.getByText('Maya approved a post').waitFor();
    await checkScreen(facilitator, 'space-log-desktop');
    await facilitator
      .getByRole('link', { name: /^Moderation/ })
      .first()
      .click();
    await facilitator.getByRole('button', { name: 'Unmute Rowan' }).click();
    await facilitator.getByText('Nobody is muted.').waitFor();
    await facilitator.context().close();

    await muted.reload();
    await muted.getByLabel('Kiriman Anda').waitFor();
    await muted.context().close();
  }, 120_000);

  it('keeps the watched words in the organization settings and the digest choice in the profile', async () => {
    const page = await signedIn(maya, 'desktop', '/organization');
    await page.getByRole('heading', { name: 'Watched words' }).waitFor();
    await page.getByLabel('Words and phrases').fill('casino\nজুয়া\n');
    await page.getByRole('button', { name: 'Save watched words' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).last().waitFor();
    await checkScreen(page, 'space-watched-words-desktop');
    const words = await deployment.api.http.get(
      `/organizations/${orgId}/watched-words`,
      maya.accessToken,
    );
    expect(words.body.words).toEqual(['casino', 'জুয়া']);
    await page.context().close();

    const profile = await signedIn(juniper, 'phone', '/profile');
    await setLanguage(profile, 'bn');
    await profile.getByRole('heading', { name: 'গ্রুপের জায়গার ই-মেইল' }).waitFor();
    await profile.getByText('কিছুই না', { exact: true }).click();
    await profile.getByRole('status').filter({ hasText: 'সংরক্ষিত হয়েছে' }).first().waitFor();
    await checkScreen(profile, 'space-emails-bn-phone');
    const choice = await deployment.api.http.get('/me/community-preferences', juniper.accessToken);
    expect(choice.body).toEqual({ digest: 'none' });
    await profile.context().close();
  }, 90_000);

  it('never puts a post’s words in an e-mail or a notification', async () => {
    const texts = [
      ...deployment.smtp!.messages.map((m) => `${m.subject} ${m.text ?? ''} ${m.html ?? ''}`),
    ].join('\n');
    for (const words of ['river', 'father died', 'example.org', 'end my life']) {
      expect(texts).not.toContain(words);
    }
    const inbox = await deployment.api.http.get('/me/notifications', maya.accessToken);
    expect(JSON.stringify(inbox.body)).not.toMatch(/river|father died|example\.org|end my life/);
  }, 30_000);
});
