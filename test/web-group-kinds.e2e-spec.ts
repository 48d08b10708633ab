import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { type Deployment, startDeployment } from './support/deployment.js';
import { organizationWithCurriculum, type TestUser, verifiedMember } from './support/groups.js';
import { registerUser } from './support/hearth.js';
import {
  checkBothSizes,
  fillFirstSession,
  openApp,
  SIZES,
  signInThroughForm,
  type Size,
} from './support/web.js';

type Language = 'en' | 'bn' | 'id';

/** What the new-group form and the group page say, per language. */
const WORDS: Record<
  Language,
  { newGroup: string; kind: string; support: string; name: string; tag: string; create: string }
> = {
  en: {
    newGroup: 'New group',
    kind: 'What kind of group?',
    support: 'Support group',
    name: 'Name',
    tag: 'Postpartum',
    create: 'Create the group',
  },
  bn: {
    newGroup: 'নতুন দল',
    kind: 'কোন ধরনের দল?',
    support: 'সহায়তা দল',
    name: 'নাম',
    tag: 'প্রসব-পরবর্তী',
    create: '',
  },
  id: {
    newGroup: 'Kelompok baru',
    kind: 'Jenis kelompok apa?',
    support: 'Kelompok dukungan',
    name: 'Nama',
    tag: 'Pascamelahirkan',
    create: '',
  },
};

/**
 * Issue 15, item 5 in the web app: the new-group form asks for the kind of group first (a peer
 * supporter is offered support groups and drop-in meetings only), with the language and tag
 * suggestions; the group page says what kind it is and shows a peer supporter no clinical tab.
 */
describe('Groups of every kind in the web app (e2e, Chromium)', () => {
  let deployment: Deployment;
  let browser: Browser;
  let origin: string;
  let owner: TestUser;
  let peer: TestUser;
  let orgId: string;

  beforeAll(async () => {
    deployment = await startDeployment('web_group_kinds');
    const { http } = deployment.api;
    origin = http.baseUrl.replace('/api/v1', '');
    browser = await launchChromium();
    owner = await registerUser(http, 'owner');
    ({ orgId } = await organizationWithCurriculum(http, owner, 'Khulna peers'));
    peer = await verifiedMember(deployment.env, http, owner, orgId, 'Nadia', 'peer_supporter');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await deployment?.close();
  });

  const checkBoth = (page: Page, name: string, back: Size) =>
    checkBothSizes(page, `group-kinds-${name}`, back);

  const setLanguage = (page: Page, code: Language) =>
    page.locator('label.language select').selectOption(code);

  it('a peer supporter creates a support group in en, and sees the form in bn and id', async () => {
    const page = await openApp(browser, origin, { size: 'phone', path: '/groups/new' });
    await signInThroughForm(page, peer);
    for (const language of ['bn', 'id', 'en'] as const) {
      await setLanguage(page, language);
      const words = WORDS[language];
      await page.getByRole('heading', { name: words.newGroup }).waitFor();
      const kinds = page.getByRole('radiogroup', { name: words.kind });
      await kinds.waitFor();
      // A peer supporter is offered no program group.
      expect(await kinds.getByRole('radio').count()).toBe(2);
      await expect(
        kinds.getByRole('radio', { name: new RegExp(words.support) }).isChecked(),
      ).resolves.toBe(true);
      await page.getByRole('checkbox', { name: words.tag }).waitFor();
      await checkBoth(page, `new-${language}`, 'phone');
    }
    // No program picker without a program.
    expect(await page.getByLabel('Program version').count()).toBe(0);

    await page.getByLabel('Name', { exact: true }).fill('Tuesday evening support');
    await page.getByLabel('Language the group meets in').selectOption('bn');
    await page.getByText('Postpartum', { exact: true }).click();
    await page.getByText('Grief and loss', { exact: true }).click();
    await page.getByLabel('Other tags').fill('Evening');
    await fillFirstSession(page, new Date(Date.now() + 14 * 86_400_000), '1900');
    await page.getByRole('button', { name: WORDS.en.create }).click();

    // The group's page: its kind, language and tags, and no clinical tab.
    await page.getByRole('heading', { name: 'Tuesday evening support' }).waitFor();
    await page.locator('.group-kind').getByText('Support group').waitFor();
    // "Weekly" once: the schedule, then "no end date" (not "Weekly ... · Weekly, no end date").
    const schedule = page.locator('p.hint').filter({ hasText: 'no end date' });
    await schedule.waitFor();
    expect((await schedule.textContent())?.match(/Weekly/g)).toHaveLength(1);
    await page.getByText('You run this group as a peer supporter').waitFor();
    const tabs = await page.getByRole('tab').allTextContents();
    // Running the group (requests to join included), no Measures tab.
    expect(tabs).toEqual(['Schedule', 'Roster', 'Attendance', 'Requests']);
    await page.getByRole('listitem').filter({ hasText: 'Meeting 1' }).first().waitFor();
    await checkBoth(page, 'support-page-en', 'phone');
    // On a phone every tab, Requests included, is inside the screen.
    const requests = await page.getByRole('tab', { name: 'Requests' }).boundingBox();
    expect(requests!.x + requests!.width).toBeLessThanOrEqual(SIZES.phone.width);
    // Nobody to enroll: the organization has no participant at all yet.
    await page.getByRole('tab', { name: 'Roster' }).click();
    await page
      .getByText('Nobody else is in the organization yet; invite people from Members.')
      .waitFor();
    expect(await page.getByText('Every participant of the organization').count()).toBe(0);
    await checkBoth(page, 'roster-nobody-en', 'phone');
    await page.getByRole('tab', { name: 'Schedule' }).click();

    const groupId = page.url().split('/groups/')[1]!;
    const saved = await deployment.api.http.get(`/groups/${groupId}`, peer.accessToken);
    expect(saved.body).toMatchObject({
      kind: 'support',
      language: 'bn',
      curriculumVersionId: null,
      clinician: false,
    });
    expect([...saved.body.tags].sort()).toEqual(['evening', 'grief', 'postpartum']);

    // A meeting's page has no alerts, private rooms or records for a peer supporter.
    await page.getByRole('link', { name: 'Meeting 1', exact: true }).click();
    await page.waitForURL(/\/sessions\//);
    await page.getByRole('heading', { level: 1, name: 'Meeting 1' }).waitFor();
    await page.getByText('You run this group as a peer supporter').waitFor();
    expect(await page.getByRole('heading', { name: /Notes|Homework|Incident/ }).count()).toBe(0);
    await checkBoth(page, 'meeting-page-en', 'phone');
    for (const language of ['bn', 'id'] as const) {
      await setLanguage(page, language);
      await checkBoth(page, `meeting-page-${language}`, 'phone');
    }
    await page.context().close();
  }, 180_000);

  it('the owner sees the kind in the list and offers "Peer supporter" when inviting', async () => {
    const page = await openApp(browser, origin, { size: 'desktop', path: '/groups' });
    await signInThroughForm(page, owner);
    const card = page.getByRole('listitem').filter({ hasText: 'Tuesday evening support' });
    await card.getByText('Support group').waitFor();
    await card.getByText('বাংলা').waitFor();
    await checkBoth(page, 'list-en', 'desktop');
    // The owner's group page does show the clinical tab.
    await card.getByRole('link', { name: 'Tuesday evening support' }).click();
    await page.getByRole('tab', { name: 'Measures' }).waitFor();

    await page.goto(`${origin}/organization/members`);
    const role = page.getByLabel('Role');
    await role.waitFor();
    expect(await role.locator('option').allTextContents()).toContain('Peer supporter');
    await page.getByText('A peer supporter leads support groups').waitFor();
    for (const language of ['bn', 'id'] as const) {
      await setLanguage(page, language);
      await page
        .getByText(language === 'bn' ? 'পিয়ার সাপোর্টার নিজের' : 'Pendamping sebaya memimpin')
        .waitFor();
      await checkBoth(page, `invite-${language}`, 'desktop');
    }
    await page.context().close();
  }, 120_000);

  it('the owner hands a support group to a peer supporter, who then finds it in their groups', async () => {
    const { http } = deployment.api;
    await http.patch(`/organizations/${orgId}`, { timezone: 'Asia/Dhaka' }, owner.accessToken);
    const page = await openApp(browser, origin, { size: 'phone', path: '/groups/new' });
    await signInThroughForm(page, owner);
    const kinds = page.getByRole('radiogroup', { name: WORDS.en.kind });
    await kinds.waitFor();
    // The organization has a published program: a program group comes first, led by staff only.
    await expect(kinds.getByRole('radio', { name: /Program group/ }).isChecked()).resolves.toBe(
      true,
    );
    const lead = page.getByLabel('Led by');
    await lead.waitFor();
    expect(await lead.locator('option').allTextContents()).toEqual(['Me (owner)']);
    // The group meets in the organization's time zone, not the browser's.
    expect(await page.locator('#timezone').inputValue()).toBe('Asia/Dhaka');

    await kinds.getByText('Support group').click();
    expect(await lead.locator('option').allTextContents()).toEqual([
      'Me (owner)',
      'Nadia (Peer supporter)',
    ]);
    await lead.selectOption({ label: 'Nadia (Peer supporter)' });
    const co = page.getByRole('group', { name: 'Co-facilitators (optional)' });
    await co.getByText('Me (owner)').waitFor();
    await checkBoth(page, 'led-by-en', 'phone');
    for (const language of ['bn', 'id'] as const) {
      await setLanguage(page, language);
      await page
        .getByText(language === 'bn' ? 'দলটি পরিচালনা করবেন' : 'Dipimpin oleh')
        .first()
        .waitFor();
      await checkBoth(page, `led-by-${language}`, 'phone');
    }
    await setLanguage(page, 'en');
    await page.getByLabel('Name', { exact: true }).fill('Thursday peer circle');
    await fillFirstSession(page, new Date(Date.now() + 14 * 86_400_000), '1800');
    await page.getByRole('button', { name: WORDS.en.create }).click();
    await page.getByRole('heading', { name: 'Thursday peer circle' }).waitFor();
    const groupId = page.url().split('/groups/')[1]!;
    const saved = await http.get(`/groups/${groupId}`, owner.accessToken);
    expect(saved.body).toMatchObject({
      kind: 'support',
      timezone: 'Asia/Dhaka',
      leadFacilitatorId: peer.user.id,
      coFacilitatorIds: [],
    });
    await page.context().close();

    const peerPage = await openApp(browser, origin, { size: 'phone', path: '/groups' });
    await signInThroughForm(peerPage, peer);
    await peerPage.getByRole('link', { name: 'Thursday peer circle' }).waitFor();
    await peerPage.context().close();
  }, 180_000);

  it('without a published program the form starts at a support group', async () => {
    const { http } = deployment.api;
    const other = await registerUser(http, 'owner2');
    await http.post('/organizations', { name: 'No programs yet' }, other.accessToken);
    const page = await openApp(browser, origin, { size: 'desktop', path: '/groups/new' });
    await signInThroughForm(page, other);
    const kinds = page.getByRole('radiogroup', { name: WORDS.en.kind });
    await kinds.waitFor();
    expect(await kinds.getByRole('radio').count()).toBe(3);
    await expect(kinds.getByRole('radio', { name: /Support group/ }).isChecked()).resolves.toBe(
      true,
    );
    await page.getByLabel('Name', { exact: true }).waitFor();
    await page.context().close();
  }, 120_000);
});
