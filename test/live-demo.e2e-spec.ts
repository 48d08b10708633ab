import { type ChildProcess, spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { remoteVideoFrames, launchChromium, screenshot } from './support/browser.js';
import { HttpClient } from './support/http.js';
import { eventually } from './support/wait.js';
import { freePort, freeLivekitPort } from './support/ports.js';
import { launch, stop } from './support/processes.js';

const root = join(import.meta.dirname, '..');
const DEMO_PASSWORD = 'hearth-demo-password';

/**
 * What a new user does: `npm start` with nothing configured (embedded PostgreSQL and the local
 * LiveKit server the test set-up installed), `npm run seed:demo`, then the therapist and a
 * participant join the demo session from two browsers and see each other.
 */
describe('The demo session on a real LiveKit server (e2e)', () => {
  let dataDir: string;
  let launcher: ChildProcess | undefined;
  let browser: Browser;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hearth-demo-'));
    await chmod(dataDir, 0o755);
  });

  afterAll(async () => {
    await browser?.close();
    if (launcher) await stop(launcher);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lets the therapist and a participant of the demo see each other', async () => {
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      HEARTH_DATA_DIR: dataDir,
      PORT: String(await freePort()),
      WORKER_HEALTH_PORT: String(await freePort()),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      LIVEKIT_PORT: String(await freeLivekitPort()),
    };
    const { child, output } = launch(env);
    launcher = child;
    await eventually(() => output().includes('running at'), 90_000).catch(() => {
      throw new Error(`npm start did not come up:\n${output()}`);
    });
    expect(output()).toContain(`started LiveKit on http://127.0.0.1:${env.LIVEKIT_PORT}`);

    const seed = spawnSync(process.execPath, [join(root, 'dist/tools/seed-demo.js')], {
      env,
      encoding: 'utf8',
    });
    expect(seed.status).toBe(0);

    const origin = `http://127.0.0.1:${env.PORT}`;
    const http = new HttpClient(`${origin}/api/v1`);
    const signIn = async (email: string) =>
      (await http.post('/auth/login', { email, password: DEMO_PASSWORD })).body
        .accessToken as string;
    const therapistToken = await signIn('therapist@demo.hearth.example');
    const sessionId = (await http.get('/me/sessions?limit=1', therapistToken)).body.items[0]
      .id as string;

    browser = await launchChromium({ fakeMedia: true });
    const joinAs = async (email: string) => {
      const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
      const page = await context.newPage();
      await page.goto(`${origin}/sessions/${sessionId}/join`);
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Ready to join?' }).waitFor();
      await page.getByRole('button', { name: 'Join the session' }).click();
      return page;
    };
    const connected = (page: Page) =>
      page.getByRole('toolbar', { name: 'Room controls' }).waitFor({ timeout: 30_000 });

    const therapist = await joinAs('therapist@demo.hearth.example');
    await connected(therapist);
    const participant = await joinAs('participant1@demo.hearth.example');
    // The demo group has a lobby: the therapist lets the participant in from the room.
    await participant.getByRole('heading', { name: 'You are in the waiting room' }).waitFor();
    await therapist.getByRole('button', { name: /Admit/ }).first().click();
    await connected(participant);

    // Each receives the other's camera: the frames of the remote video keep growing.
    for (const page of [therapist, participant]) {
      const first = await eventually(async () => {
        const frames = await remoteVideoFrames(page);
        return frames > 0 ? frames : undefined;
      }, 30_000);
      await eventually(async () => (await remoteVideoFrames(page)) > first + 30, 30_000);
    }
    await screenshot(therapist, 'live-demo-therapist');
    await screenshot(participant, 'live-demo-participant');
  }, 240_000);
});
