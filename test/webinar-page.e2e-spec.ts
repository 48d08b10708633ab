import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from './support/browser.js';
import { registerUser, type RunningApi } from './support/hearth.js';
import { groupStartingIn, organizationWithCurriculum } from './support/groups.js';
import type { LiveKitGateway } from './support/livekit.js';
import { RtcParticipant } from './support/rtc-participant.js';
import { eventually } from './support/wait.js';
import { type Deployment, startDeployment } from './support/deployment.js';

/**
 * What the watch page shows of its video: whether it is connected, and for each tile its caption,
 * the picture's width, how long it has played and the shade of the picture (the test camera is
 * grey, a shade that changes with every frame).
 */
function stageOf(page: Page) {
  return page.evaluate(() => {
    interface Video {
      videoWidth: number;
      currentTime: number;
    }
    interface Canvas {
      width: number;
      height: number;
      getContext(kind: '2d'): {
        drawImage(image: Video, x: number, y: number, w: number, h: number): void;
        getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
      };
    }
    const global = globalThis as unknown as {
      hearthWebinar: { connected?: boolean };
      document: {
        createElement(tag: 'canvas'): Canvas;
        querySelectorAll(selector: string): Iterable<{
          querySelector(selector: 'figcaption'): { textContent: string } | null;
          querySelector(selector: 'video'): Video | null;
        }>;
      };
    };
    const shade = (video: Video) => {
      const canvas = global.document.createElement('canvas');
      canvas.width = canvas.height = 1;
      const context = canvas.getContext('2d');
      context.drawImage(video, 0, 0, 1, 1);
      return context.getImageData(0, 0, 1, 1).data[0];
    };
    return {
      connected: global.hearthWebinar.connected === true,
      tiles: [...global.document.querySelectorAll('#stage .tile')].map((tile) => {
        const video = tile.querySelector('video');
        return {
          name: tile.querySelector('figcaption')?.textContent ?? null,
          width: video?.videoWidth ?? 0,
          playedSeconds: video?.currentTime ?? 0,
          shade: video ? shade(video) : -1,
        };
      }),
    };
  });
}

describe('The webinar page in headless Chromium (e2e)', () => {
  let deployment: Deployment;
  let livekit: LiveKitGateway;
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    deployment = await startDeployment('webinar_page');
    ({ api, livekit } = deployment);
    // A real WebRTC client of the run's LiveKit server on 127.0.0.1.
    browser = await launchChromium({ fakeMedia: true });
  });

  afterAll(async () => {
    await browser?.close();
    await deployment?.close();
  });

  it('registers, opens the watch page and asks a question that the host view then shows', async () => {
    const host = await registerUser(api.http, 'host');
    const orgId = (await api.http.post('/organizations', { name: 'Open minds' }, host.accessToken))
      .body.id;
    const webinar = await api.http.post(
      `/organizations/${orgId}/webinars`,
      {
        title: 'Talking about depression',
        description: 'Three guests and your questions.',
        startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
        durationMinutes: 60,
        timezone: 'Europe/London',
        capacity: 100,
        qaModeration: true,
      },
      host.accessToken,
    );
    const origin = api.http.baseUrl.replace('/api/v1', '');

    const attendee = await browser.newPage();
    await attendee.goto(`${origin}/webinar/#webinar=${webinar.body.id}`);
    await attendee.getByRole('heading', { name: 'Talking about depression' }).waitFor();
    await attendee.getByLabel('Name to show').fill('Wren');
    await attendee.getByRole('textbox', { name: 'E-mail' }).fill('wren@example.org');
    await screenshot(attendee, 'webinar-1-register');
    await attendee.getByRole('button', { name: 'Register' }).click();

    await attendee.getByRole('heading', { name: 'Watch' }).waitFor();
    // No host has opened the room yet: the page waits for it, and is in as soon as one does.
    await attendee.getByText('The webinar has not started yet.', { exact: false }).waitFor();
    await screenshot(attendee, 'webinar-2-waiting');
    const room = `webinar-${webinar.body.id}`;
    expect(await livekit.room(room)).toBeUndefined();
    const hostJoin = await api.http.post(`/webinars/${webinar.body.id}/join`, {}, host.accessToken);
    expect(hostJoin.status).toBe(200);
    await attendee.getByText('You are connected.', { exact: false }).waitFor({ timeout: 30_000 });
    // On the real server, hidden and watching only.
    const registrations = await api.http.get(
      `/webinars/${webinar.body.id}/registrations`,
      host.accessToken,
    );
    const wren = `reg-${registrations.body.items[0].id}`;
    expect(await livekit.participant(room, wren)).toMatchObject({
      name: 'Wren',
      permission: expect.objectContaining({ canPublish: false, canSubscribe: true, hidden: true }),
    });
    await attendee.getByLabel('Your question').fill('How do I talk to my family about it?');
    await attendee.getByRole('button', { name: 'Send question' }).click();
    await attendee.getByText('Your question will appear once a host approves it').waitFor();
    await attendee.getByText('How do I talk to my family about it?', { exact: false }).waitFor();

    // A host turns the camera on: the attendee sees and receives it.
    const camera = await RtcParticipant.join(livekit.wsUrl, hostJoin.body.token);
    try {
      await camera.publish('video');
      const stage = await eventually(async () => {
        const now = await stageOf(attendee);
        return now.tiles[0]?.width > 0 && now.tiles[0].playedSeconds > 1 ? now : undefined;
      }, 30_000);
      expect(stage).toEqual({
        connected: true,
        tiles: [
          {
            name: 'host',
            width: 160,
            playedSeconds: expect.any(Number),
            shade: expect.any(Number),
          },
        ],
      });
      // Frames keep coming: the picture changes.
      await eventually(
        async () => (await stageOf(attendee)).tiles[0]?.shade !== stage.tiles[0].shade,
      );
      await screenshot(attendee, 'webinar-2-watch');
    } finally {
      await camera.leave();
    }
    // The camera's tile goes with it; the page stays connected.
    await attendee.getByText('You are connected.', { exact: false }).waitFor();
    expect((await stageOf(attendee)).tiles).toEqual([]);

    const hostPage = await browser.newPage();
    await hostPage.goto(`${origin}/webinar/#webinar=${webinar.body.id}&host=1`);
    await hostPage.getByRole('textbox', { name: 'E-mail' }).fill(host.email);
    await hostPage.getByLabel('Password').fill(host.password);
    await hostPage.getByRole('button', { name: 'Sign in' }).click();
    const held = hostPage.getByText('How do I talk to my family about it? — Wren', {
      exact: false,
    });
    await held.waitFor();
    expect(await held.textContent()).toContain('waiting for approval');
    await hostPage.getByRole('button', { name: 'Approve' }).waitFor();
    await hostPage.getByRole('button', { name: 'Invite to speak' }).waitFor(); // the attendee list
    await hostPage.getByText('You are connected.', { exact: false }).waitFor();
    await screenshot(hostPage, 'webinar-3-host');
  }, 90_000);

  it('keeps the moderation queue and every attendee within reach of a host past the first page', async () => {
    const host = await registerUser(api.http, 'busy-host');
    const orgId = (await api.http.post('/organizations', { name: 'Busy' }, host.accessToken)).body
      .id;
    const webinar = await api.http.post(
      `/organizations/${orgId}/webinars`,
      {
        title: 'A busy Q&A',
        description: 'Many questions.',
        startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
        durationMinutes: 60,
        timezone: 'UTC',
        capacity: 300,
        qaModeration: true,
      },
      host.accessToken,
    );
    const webinarId = webinar.body.id as string;
    const ask = async (name: string, text: string) => {
      const registration = await api.http.post(`/webinars/${webinarId}/registrations`, {
        displayName: name,
        email: `${name}@example.org`,
      });
      const asked = await api.http.request('POST', `/webinars/${webinarId}/questions`, {
        body: { text },
        headers: { 'x-access-key': registration.body.accessKey },
      });
      return asked.body.id as string;
    };
    // 55 approved questions fill more than the first page; the one waiting is the newest.
    for (let i = 0; i < 55; i += 1) {
      const id = await ask(`asker${i}`, `Approved question ${i}`);
      await api.http.post(`/webinars/${webinarId}/questions/${id}/approve`, {}, host.accessToken);
    }
    for (let i = 55; i < 205; i += 1) {
      await api.http.post(`/webinars/${webinarId}/registrations`, {
        displayName: `listener${i}`,
        email: `listener${i}@example.org`,
      });
    }
    await ask('late', 'The question still waiting');
    const held = await api.http.get(
      `/webinars/${webinarId}/questions?status=held`,
      host.accessToken,
    );
    expect(held.body.items.map((q: { text: string }) => q.text)).toEqual([
      'The question still waiting',
    ]);

    const origin = api.http.baseUrl.replace('/api/v1', '');
    const hostPage = await browser.newPage();
    await hostPage.goto(`${origin}/webinar/#webinar=${webinarId}&host=1`);
    await hostPage.getByRole('textbox', { name: 'E-mail' }).fill(host.email);
    await hostPage.getByLabel('Password').fill(host.password);
    await hostPage.getByRole('button', { name: 'Sign in' }).click();
    await hostPage.getByText('The question still waiting', { exact: false }).waitFor();
    await hostPage.getByRole('button', { name: 'Approve' }).waitFor();
    // 206 attendees: the first 200, then the rest on request.
    const attendees = hostPage.getByRole('list', { name: 'Attendees' }).getByRole('listitem');
    await hostPage.getByRole('button', { name: 'Show more attendees' }).click();
    await attendees.nth(205).waitFor();
    expect(await attendees.count()).toBe(206);
    expect(await attendees.last().textContent()).toMatch(/^late/);
    await screenshot(hostPage, 'webinar-4-host-busy');
    await hostPage.close();
  }, 120_000);

  it('refuses a host link whose webinar id is a path, and calls no api with it', async () => {
    const facilitator = await registerUser(api.http, 'facilitator');
    const { orgId, versionId } = await organizationWithCurriculum(
      api.http,
      facilitator,
      'Crafted links clinic',
    );
    const { sessions } = await groupStartingIn(api.http, facilitator, orgId, versionId, 24 * 60);
    const sessionId = sessions[0].id;
    const origin = api.http.baseUrl.replace('/api/v1', '');

    const page = await browser.newPage();
    // Signed in on this origin, as a host who used the webinar page before would be.
    await page.addInitScript((token) => {
      const page = globalThis as unknown as {
        sessionStorage: { setItem(k: string, v: string): void };
      };
      page.sessionStorage.setItem('hearth.accessToken', token);
    }, facilitator.accessToken);
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url());
    });
    const crafted = encodeURIComponent(`../sessions/${sessionId}/cancel#`);
    await page.goto(`${origin}/webinar/#host=1&webinar=${crafted}`, { waitUntil: 'networkidle' });

    const session = await api.http.get(`/sessions/${sessionId}`, facilitator.accessToken);
    expect(session.body.status).toBe('scheduled');
    await page.getByText('This link is not valid', { exact: false }).waitFor({ timeout: 5_000 });
    expect(apiCalls).toEqual([]);
    await page.close();
  }, 60_000);
});
