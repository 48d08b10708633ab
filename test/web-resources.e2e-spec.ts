import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { type Deployment, startDeployment } from './support/deployment.js';
import {
  enrolledParticipant,
  groupStartingIn,
  organizationWithCurriculum,
  type TestUser,
} from './support/groups.js';
import { markEmailVerified, registerUser } from './support/hearth.js';
import { joinOrganization } from './support/members.js';
import { checkBothSizes, checkScreen, type Size, signedInPage } from './support/web.js';

const WORKSHEET_TEXT =
  'Situation: what happened?\nAutomatic thought: what went through your mind?\n<b>Evidence</b> for and against.';
const VIDEO_URL = 'https://videos.example.org/sleep-basics';

/**
 * Issue 15, deliver 4 in the web app, in Chromium: a therapist adds a worksheet and a video link
 * to the library (a plain http address is refused at the field), attaches the worksheet to a
 * curriculum module, and a participant reads it on their group and session pages on a phone, in
 * English, Bengali and Indonesian.
 */
describe('The resource library in the web app (e2e, Chromium)', () => {
  let deployment: Deployment;
  let browser: Browser;
  let origin: string;
  let therapist: TestUser;
  let mira: TestUser;
  let orgId: string;
  let curriculumId: string;
  let firstModuleTitle: string;
  let groupId: string;
  let sessionId: string;

  beforeAll(async () => {
    deployment = await startDeployment('web_resources', { worker: false });
    const { http } = deployment.api;
    origin = http.baseUrl.replace('/api/v1', '');
    browser = await launchChromium();
    therapist = await registerUser(http, 'Therapist');
    let versionId: string;
    ({ orgId, versionId } = await organizationWithCurriculum(http, therapist, 'Harbour clinic'));
    const curriculum = (await http.get(`/organizations/${orgId}/curricula`, therapist.accessToken))
      .body.items[0];
    curriculumId = curriculum.id;
    firstModuleTitle = (await http.get(`/curricula/${curriculumId}`, therapist.accessToken)).body
      .modules[0].title;
    // The first session, a day away, holds the first module.
    const group = await groupStartingIn(http, therapist, orgId, versionId, 24 * 60, {
      name: 'Monday circle',
    });
    groupId = group.groupId;
    sessionId = group.sessions[0]!.id;
    mira = await enrolledParticipant(deployment.env, http, therapist, orgId, groupId, 'Mira');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await deployment?.close();
  });

  const signedIn = (user: TestUser, size: Size, path: string) =>
    signedInPage(browser, origin, user, { size, path });

  // The app's language, in the header (the library's filter has a language too).
  const setLanguage = (page: Page, code: 'en' | 'bn' | 'id') =>
    page
      .getByRole('banner')
      .getByLabel(/Language|ভাষা|Bahasa/)
      .selectOption(code);

  /** The screen at both sizes, ending at `back`. */
  const checkBoth = (page: Page, name: string, back: Size = 'phone') =>
    checkBothSizes(page, name, back);

  it('lets a therapist add a worksheet and a video link, refusing an address that is not https', async () => {
    const page = await signedIn(therapist, 'desktop', '/');
    await page.getByRole('navigation').getByRole('link', { name: 'Resources' }).click();
    await page.getByRole('heading', { name: 'Resources', level: 1 }).waitFor();
    await page.getByText('Nothing here yet.').waitFor();
    await checkBoth(page, 'resources-empty', 'desktop');

    await page.getByRole('link', { name: 'Add a resource' }).click();
    await page.getByRole('heading', { name: 'Add a resource' }).waitFor();
    await page.getByLabel('Title').fill('Thought record');
    await page.getByLabel('Kind').selectOption('worksheet');
    await page.getByRole('main').getByLabel('Language').selectOption('en');
    await page.getByLabel('Text', { exact: true }).fill(WORKSHEET_TEXT);
    await page.getByLabel('Tags').fill('CBT, mood');
    await checkBoth(page, 'resources-new', 'desktop');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Thought record', level: 1 }).waitFor();
    // The text is shown as text: markup in it stays visible words, never an element.
    await page.getByText('<b>Evidence</b> for and against.').waitFor();
    expect(await page.locator('.resource-body b').count()).toBe(0);
    await checkBoth(page, 'resources-worksheet', 'desktop');

    await page.getByRole('link', { name: 'All resources' }).click();
    await page.getByRole('link', { name: 'Add a resource' }).click();
    await page.getByLabel('Title').fill('Why sleep matters');
    await page.getByLabel('Kind').selectOption('video');
    await page.getByLabel('Web address').fill('http://videos.example.org/sleep-basics');
    await page.getByLabel('Tags').fill('sleep');
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByText(
        'Enter a web address that starts with https:// (videos, audio and links need one).',
      )
      .waitFor();
    expect(await page.getByLabel('Web address').getAttribute('aria-invalid')).toBe('true');
    await checkBoth(page, 'resources-bad-url', 'desktop');
    await page.getByLabel('Web address').fill(VIDEO_URL);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Why sleep matters', level: 1 }).waitFor();
    const out = page.getByRole('link', { name: 'Open on videos.example.org' });
    expect(await out.getAttribute('href')).toBe(VIDEO_URL);
    expect(await out.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await out.getAttribute('target')).toBe('_blank');
    await page.getByText('Opens videos.example.org in a new tab. This leaves Hearth.').waitFor();
    // Never embedded: no frame, no player from the other origin.
    expect(await page.locator('iframe, video, audio, embed, object').count()).toBe(0);
    await checkBoth(page, 'resources-video', 'desktop');

    const library = await deployment.api.http.get(
      `/organizations/${orgId}/resources`,
      therapist.accessToken,
    );
    expect(library.body.items.map((r: { title: string }) => r.title)).toEqual([
      'Why sleep matters',
      'Thought record',
    ]);
    await page.context().close();
  }, 120_000);

  it('lets the therapist attach the worksheet to the first module of the program', async () => {
    const page = await signedIn(therapist, 'desktop', `/curricula/${curriculumId}`);
    await page.getByText(`Session 1: ${firstModuleTitle}`).click();
    const module = page.getByRole('region', { name: 'Resources for this session' }).first();
    await module.getByText('No resources attached yet.').waitFor();
    await module.getByRole('button', { name: 'Choose resources' }).click();
    await module.getByText('Thought record').click();
    await checkBoth(page, 'resources-module-choose', 'desktop');
    await module.getByRole('button', { name: 'Save the resources' }).click();
    await module.getByRole('link', { name: 'Thought record' }).waitFor();
    await checkBoth(page, 'resources-module', 'desktop');
    const attached = await deployment.api.http.get(
      `/sessions/${sessionId}/resources`,
      mira.accessToken,
    );
    expect(attached.body.items.map((r: { title: string }) => r.title)).toEqual(['Thought record']);
    await page.context().close();
  }, 120_000);

  it('shows a participant "For this session" on their group and session pages on a phone, in en, bn and id', async () => {
    const page = await signedIn(mira, 'phone', `/groups/${groupId}`);
    const forSession = page.getByRole('region', { name: 'For this session' });
    await forSession.getByRole('link', { name: 'Thought record' }).waitFor();
    expect(await forSession.getByText('Why sleep matters').count()).toBe(0);
    await checkScreen(page, 'resources-group-en-phone');

    await page.goto(`${origin}/sessions/${sessionId}`);
    await forSession.getByRole('link', { name: 'Thought record' }).click();
    await page.getByRole('heading', { name: 'Thought record', level: 1 }).waitFor();
    await page.getByText('Automatic thought: what went through your mind?').waitFor();
    // A participant reads, and is offered no way to change it.
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await checkScreen(page, 'resources-read-en-phone');

    await page.goto(`${origin}/sessions/${sessionId}`);
    await setLanguage(page, 'bn');
    await page.getByRole('region', { name: 'এই সেশনের জন্য' }).getByText('Thought record').waitFor();
    await checkScreen(page, 'resources-session-bn-phone');
    await page.goto(`${origin}/groups/${groupId}`);
    await setLanguage(page, 'id');
    await page
      .getByRole('region', { name: 'Untuk sesi ini' })
      .getByText('Thought record')
      .waitFor();
    await checkScreen(page, 'resources-group-id-phone');
    await page.context().close();
  }, 120_000);

  it('lets a participant browse and filter the library on a phone, without a way to add', async () => {
    const page = await signedIn(mira, 'phone', '/');
    await page.getByRole('navigation').getByRole('link', { name: 'Resources' }).click();
    const list = page.getByRole('list', { name: 'Resources' });
    await list.getByRole('link', { name: 'Why sleep matters' }).waitFor();
    await list.getByRole('link', { name: 'Thought record' }).waitFor();
    expect(await page.getByRole('link', { name: 'Add a resource' }).count()).toBe(0);
    await checkScreen(page, 'resources-library-en-phone');

    await page.getByLabel('Kind').selectOption('video');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/kind=video/);
    await list.getByRole('link', { name: 'Why sleep matters' }).waitFor();
    expect(await list.getByRole('link', { name: 'Thought record' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByLabel('Search').fill('automatic thought');
    await page.getByRole('button', { name: 'Show' }).click();
    await list.getByRole('link', { name: 'Thought record' }).waitFor();
    expect(await list.getByRole('link', { name: 'Why sleep matters' }).count()).toBe(0);
    await page.getByLabel('Search').fill('nothing like this');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('Nothing matches. Try fewer words or another filter.').waitFor();

    await page.goto(`${origin}/resources`);
    await setLanguage(page, 'bn');
    await page.getByRole('heading', { name: 'রিসোর্স', level: 1 }).waitFor();
    await page.getByText('ভিডিও').first().waitFor();
    await checkBoth(page, 'resources-library-bn');
    await setLanguage(page, 'id');
    await page.getByRole('heading', { name: 'Sumber bacaan', level: 1 }).waitFor();
    await page.getByText('Lembar kerja').first().waitFor();
    await checkBoth(page, 'resources-library-id');
    await page.getByRole('link', { name: 'Why sleep matters' }).click();
    await page
      .getByText('Membuka videos.example.org di tab baru. Anda akan keluar dari Hearth.')
      .waitFor();
    await checkScreen(page, 'resources-video-id-phone');
    await page.context().close();
  }, 120_000);

  it("opens another of the person's organizations' library through ?org=, and keeps it while filtering", async () => {
    const { http } = deployment.api;
    // The therapist is also a participant of another organization, which has its own library.
    const other = await registerUser(http, 'Riverside');
    const riverside = (await http.post('/organizations', { name: 'Riverside' }, other.accessToken))
      .body.id as string;
    const walk = await http.post(
      `/organizations/${riverside}/resources`,
      {
        title: 'Walking together',
        kind: 'link',
        language: 'en',
        url: 'https://walks.example.org/',
      },
      other.accessToken,
    );
    expect(walk.status).toBe(201);
    await markEmailVerified(deployment.env, therapist.user.id);
    await joinOrganization(http, other.accessToken, riverside, therapist, 'participant');

    // Without ?org= the library is the one they work in; with it, the other one, read only.
    const page = await signedIn(therapist, 'phone', '/resources');
    const list = page.getByRole('list', { name: 'Resources' });
    await list.getByRole('link', { name: 'Thought record' }).waitFor();
    await page.getByRole('link', { name: 'Add a resource' }).waitFor();
    await page.goto(`${origin}/resources?org=${riverside}`);
    await list.getByRole('link', { name: 'Walking together' }).waitFor();
    expect(await list.getByRole('link', { name: 'Thought record' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Add a resource' }).count()).toBe(0);
    await page.getByLabel('Kind').selectOption('link');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/kind=link/);
    expect(new URL(page.url()).searchParams.get('org')).toBe(riverside);
    await list.getByRole('link', { name: 'Walking together' }).waitFor();
    // The resource leads back to its own library.
    await list.getByRole('link', { name: 'Walking together' }).click();
    await page.getByRole('link', { name: 'All resources' }).click();
    await list.getByRole('link', { name: 'Walking together' }).waitFor();
    await page.context().close();
  }, 120_000);
});
