import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { type Deployment, startDeployment } from './deployment.js';
import {
  enrolledParticipant,
  groupStartingIn,
  organizationWithCurriculum,
  type TestUser,
} from './groups.js';
import { registerUser, type RunningApi, type TestEnvironment } from './hearth.js';
import type { LiveKitGateway } from './livekit.js';
import { eventually } from './wait.js';
import { SIZES, type Size, signInThroughForm } from './web.js';

/** What a web room test reads once its `beforeAll` has run. */
export interface WebRoom {
  deployment: Deployment;
  env: TestEnvironment;
  api: RunningApi;
  livekit: LiveKitGateway;
  browser: Browser;
  /** Where the api serves the web app. */
  origin: string;
  therapist: TestUser;
  orgId: string;
  versionId: string;
}

/**
 * Registers the hooks of a browser test on the session room: a deployment on the real LiveKit
 * server, Chromium with a fake camera and microphone, and a therapist's organization with a
 * published curriculum; the pages `signedIn` opened close after each test. Read the fields inside
 * tests and later hooks.
 */
export function useWebRoom(label: string, clinic: string, templateKey?: string) {
  const world = {} as WebRoom;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    world.deployment = await startDeployment(label);
    ({ env: world.env, api: world.api, livekit: world.livekit } = world.deployment);
    world.origin = world.api.http.baseUrl.replace('/api/v1', '');
    world.browser = await launchChromium({ fakeMedia: true });
    world.therapist = await registerUser(world.api.http, 'therapist');
    ({ orgId: world.orgId, versionId: world.versionId } = await organizationWithCurriculum(
      world.api.http,
      world.therapist,
      clinic,
      templateKey,
    ));
  }, 60_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await world.browser?.close();
    await world.deployment?.close();
  });

  /** A fresh browser (camera and microphone allowed) at `path`, signed in as `user`. */
  async function signedIn(path: string, user: TestUser, size: Size = 'phone'): Promise<Page> {
    const context = await world.browser.newContext({
      viewport: SIZES[size],
      permissions: ['camera', 'microphone'],
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${world.origin}${path}`);
    await signInThroughForm(page, user);
    return page;
  }

  /**
   * A session of the therapist's starting in 5 minutes, with its room open (the worker opens it
   * before the join window) and members, one a name, enrolled and consenting.
   */
  async function sessionWith(names: string[], overrides: Record<string, unknown> = {}) {
    const { api, therapist, orgId } = world;
    const { groupId, sessions } = await groupStartingIn(
      api.http,
      therapist,
      orgId,
      world.versionId,
      5,
      { name: 'Evening mindfulness', durationMinutes: 120, capacity: 8, ...overrides },
    );
    const sessionId = sessions[0]!.id;
    const members: TestUser[] = [];
    for (const name of names) {
      const member = await enrolledParticipant(
        world.env,
        api.http,
        therapist,
        orgId,
        groupId,
        name,
      );
      await api.http.post(
        `/groups/${groupId}/consent`,
        { agreementVersion: 1 },
        member.accessToken,
      );
      members.push(member);
    }
    const room = `session-${sessionId}`;
    await eventually(() => world.livekit.room(room), 30_000);
    return { sessionId, members, room };
  }

  /** Pages opened some other way: their contexts close after each test as well. */
  return Object.assign(world, { contexts, signedIn, sessionWith });
}
