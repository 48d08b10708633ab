import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, remoteVideoFrames } from './support/browser.js';
import { type Deployment, startDeployment } from './support/deployment.js';
import {
  enrolledParticipant,
  groupStartingIn,
  organizationWithCurriculum,
  type TestUser,
} from './support/groups.js';
import { registerUser, type RunningApi, type TestEnvironment } from './support/hearth.js';
import type { LiveKitGateway } from './support/livekit.js';
import { eventually } from './support/wait.js';
import { checkScreen, SIZES, type Size, signInThroughForm } from './support/web.js';

/**
 * Issue 14, item 6 in the web app: the facilitator opens a private room from the session page,
 * the member accepts from inside the session room, and both see each other (Chromium with fake
 * media, the real LiveKit server); the incident record's form and list.
 */
describe('Side rooms and incidents in the web app (e2e, Chromium, real LiveKit)', () => {
  let deployment: Deployment;
  let env: TestEnvironment;
  let api: RunningApi;
  let livekit: LiveKitGateway;
  let browser: Browser;
  let origin: string;
  let therapist: TestUser;
  let participant: TestUser;
  let sessionId: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    deployment = await startDeployment('web_side_rooms');
    ({ env, api, livekit } = deployment);
    origin = api.http.baseUrl.replace('/api/v1', '');
    browser = await launchChromium({ fakeMedia: true });
    therapist = await registerUser(api.http, 'therapist');
    const { orgId, versionId } = await organizationWithCurriculum(
      api.http,
      therapist,
      'Side clinic',
    );
    const { groupId, sessions } = await groupStartingIn(api.http, therapist, orgId, versionId, 5, {
      name: 'Evening group',
    });
    sessionId = sessions[0]!.id;
    participant = await enrolledParticipant(env, api.http, therapist, orgId, groupId, 'Anaquill');
    await eventually(() => livekit.room(`session-${sessionId}`), 30_000);
  }, 60_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await deployment?.close();
  });

  async function signedIn(path: string, user: TestUser, size: Size): Promise<Page> {
    const context = await browser.newContext({
      viewport: SIZES[size],
      permissions: ['camera', 'microphone'],
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${origin}${path}`);
    await signInThroughForm(page, user);
    return page;
  }

  it('lets the facilitator open a private room and the member accept it from inside the room', async () => {
    const member = await signedIn(`/sessions/${sessionId}/join`, participant, 'phone');
    await member.getByRole('button', { name: 'Join the session' }).click();
    await member.getByRole('toolbar', { name: 'Room controls' }).waitFor({ timeout: 30_000 });

    const desk = await signedIn(`/sessions/${sessionId}`, therapist, 'desktop');
    await desk.getByRole('heading', { name: 'Private room' }).waitFor();
    await checkScreen(desk, 'side-room-session-page');
    await desk.getByRole('button', { name: 'Private room with Anaquill' }).click();
    await desk.getByText('Waiting for Anaquill to accept the invitation.').waitFor();
    await desk.getByRole('toolbar', { name: 'Room controls' }).waitFor({ timeout: 30_000 });

    const prompt = member.getByRole('alertdialog', {
      name: 'Your facilitator invites you to a private conversation',
    });
    await prompt.waitFor({ timeout: 15_000 });
    await checkScreen(member, 'side-room-invitation');
    await prompt.getByRole('button', { name: 'Join' }).click();
    await member.getByRole('toolbar', { name: 'Room controls' }).waitFor({ timeout: 30_000 });
    await desk.getByText('Anaquill is here.').waitFor({ timeout: 15_000 });

    const side = (await api.http.get(`/sessions/${sessionId}/side-rooms`, therapist.accessToken))
      .body.items[0];
    const room = `side-${side.id}`;
    await eventually(async () => (await livekit.participants(room)).length === 2, 30_000);
    // Both see each other: video frames arrive from the other side on each page.
    await eventually(async () => (await remoteVideoFrames(member)) > 0, 30_000);
    await eventually(async () => (await remoteVideoFrames(desk)) > 0, 30_000);
    await checkScreen(member, 'side-room-member');

    await desk.getByRole('button', { name: 'Close the private room' }).click();
    await member.getByText('The private conversation has ended.').waitFor({ timeout: 20_000 });
    await member.getByRole('link', { name: 'Back to the session room' }).waitFor();
    expect(await livekit.room(room)).toBeUndefined();
  }, 150_000);

  for (const size of ['phone', 'desktop'] as const) {
    it(`records an incident from the session page (${size})`, async () => {
      const desk = await signedIn(`/sessions/${sessionId}`, therapist, size);
      await desk.getByRole('heading', { name: 'Incidents' }).waitFor();
      const form = desk.getByRole('form', { name: /Record an incident|Correcting/ });
      await form.getByLabel('About').selectOption({ label: 'Anaquill' });
      await form.getByLabel('Kind').selectOption({ label: 'Conduct' });
      await form.getByRole('button', { name: 'Record incident' }).click();
      // What happened is required.
      await form.getByText('Say what happened.').waitFor();
      await form.getByLabel('What happened').fill(`Raised voice at another member (${size}).`);
      await form.getByLabel('Actions taken').fill('Paused the exercise; spoke after.');
      await form.getByRole('button', { name: 'Record incident' }).click();
      await desk.getByText('Incident recorded.').waitFor();
      await desk.getByText(`Raised voice at another member (${size}).`).waitFor();
      await checkScreen(desk, `side-room-incidents-${size}`);
      const list = (await api.http.get(`/sessions/${sessionId}/incidents`, therapist.accessToken))
        .body.items;
      expect(list.at(-1)).toMatchObject({
        kind: 'conduct',
        userId: participant.user.id,
        actionsTaken: 'Paused the exercise; spoke after.',
      });
    }, 60_000);
  }
});
