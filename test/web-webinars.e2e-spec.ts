import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { type Deployment, startDeployment } from './support/deployment.js';
import { groupStartingIn, organizationWithCurriculum } from './support/groups.js';
import { markEmailVerified, registerUser, uniqueEmail } from './support/hearth.js';
import { joinOrganization } from './support/members.js';
import type { TestSmtpServer } from './support/smtp.js';
import { eventually } from './support/wait.js';
import { checkScreen, SIZES, signInThroughForm, type Size } from './support/web.js';

type User = Awaited<ReturnType<typeof registerUser>>;

/**
 * What a webinar page's stage shows: for each video tile, the speaker's name, the picture's
 * width, how long it has played and the shade of the picture (the fake camera's changes with
 * every frame).
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
    const document = (
      globalThis as unknown as {
        document: {
          createElement(tag: 'canvas'): Canvas;
          querySelectorAll(selector: string): Iterable<{
            querySelector(selector: '.lk-participant-name'): { textContent: string } | null;
            querySelector(selector: 'video'): Video | null;
          }>;
        };
      }
    ).document;
    const shade = (video: Video) => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 1;
      const context = canvas.getContext('2d');
      context.drawImage(video, 0, 0, 1, 1);
      return context.getImageData(0, 0, 1, 1).data.slice(0, 3).join(',');
    };
    return [...document.querySelectorAll('.webinar-stage .lk-participant-tile')].flatMap((tile) => {
      const video = tile.querySelector('video');
      if (!video || !video.videoWidth) return [];
      return [
        {
          name: tile.querySelector('.lk-participant-name')?.textContent ?? null,
          width: video.videoWidth,
          playedSeconds: video.currentTime,
          shade: shade(video),
        },
      ];
    });
  });
}

/** The web app's webinar pages, with a real api, worker, LiveKit server and SMTP server. */
describe('Webinars in the web app (e2e, Chromium)', () => {
  let deployment: Deployment;
  let browser: Browser;
  let origin: string;
  let smtp: TestSmtpServer;
  let host: User;
  let orgId: string;

  beforeAll(async () => {
    deployment = await startDeployment('web_webinars', { smtp: true });
    smtp = deployment.smtp!;
    const { http } = deployment.api;
    origin = http.baseUrl.replace('/api/v1', '');
    // A real WebRTC client of the run's LiveKit server, with Chromium's fake camera.
    browser = await launchChromium({ fakeMedia: true });
    host = await registerUser(http, 'Hana');
    orgId = (await http.post('/organizations', { name: 'Open minds' }, host.accessToken)).body.id;
    // The host plans in Dhaka's time; the audience in the journeys is in Lima.
    await http.patch('/me', { timezone: 'Asia/Dhaka' }, host.accessToken);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await deployment?.close();
  });

  /** A fresh browser (no sign-in, no stored key) at a size, language and time zone. */
  async function open(
    path: string,
    options: { size?: Size; locale?: string; timezoneId?: string } = {},
  ): Promise<Page> {
    const context = await browser.newContext({
      viewport: SIZES[options.size ?? 'phone'],
      locale: options.locale ?? 'en-US',
      timezoneId: options.timezoneId ?? 'America/Lima',
    });
    const page = await context.newPage();
    await page.goto(`${origin}${path}`);
    return page;
  }

  const http = () => deployment.api.http;
  const room = (webinarId: string) => `webinar-${webinarId}`;
  const participant = (webinarId: string, identity: string) =>
    deployment.livekit.participant(room(webinarId), identity);
  /** A list item of `list` that contains `text`. */
  const item = (list: Locator, text: string) =>
    list.getByRole('listitem').filter({ hasText: text });
  const hhmm = (at: Date, timeZone: string) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at);
  const spaced = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

  async function createWebinar(title: string, startsInMinutes = 3) {
    const created = await http().post(
      `/organizations/${orgId}/webinars`,
      {
        title,
        description: 'Set up through the api.',
        startsAt: new Date(Date.now() + startsInMinutes * 60_000).toISOString(),
        durationMinutes: 60,
        timezone: 'UTC',
        capacity: 300,
        qaModeration: true,
      },
      host.accessToken,
    );
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  for (const size of ['phone', 'desktop'] as const) {
    it(`runs a webinar end to end: created through the form, registered, watched, moderated, promoted, attended (${size})`, async () => {
      const title = `Talking about low mood (${size})`;
      // The host creates the webinar in their own zone (Dhaka).
      const hostPage = await open('/webinars', { size, timezoneId: 'Asia/Dhaka' });
      await signInThroughForm(hostPage, host);
      await hostPage.getByRole('heading', { name: 'Webinars', level: 1 }).waitFor();
      await checkScreen(hostPage, `webinars-list-${size}`);
      await hostPage.getByRole('link', { name: 'New webinar' }).click();
      await hostPage.getByRole('heading', { name: 'New webinar' }).waitFor();
      // It began a minute ago (to the minute, as a clock in Dhaka shows it): attendance counts
      // the minutes watched within the webinar's time.
      const startsAt = new Date(Math.floor((Date.now() - 60_000) / 60_000) * 60_000);
      const dhakaDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Dhaka' }).format(
        startsAt,
      );
      await hostPage.getByLabel('Title').fill(title);
      await hostPage.getByLabel('Description').fill('Three guests and your questions.');
      // Date and time are typed by segments (React Aria's fields), as a person types them.
      const [y, m, d] = dhakaDate.split('-');
      await hostPage
        .getByRole('group', { name: 'Date', exact: true })
        .getByRole('spinbutton')
        .first()
        .click();
      await hostPage.keyboard.type(`${m}${d}${y}`);
      await hostPage
        .getByRole('group', { name: 'Time', exact: true })
        .getByRole('spinbutton')
        .first()
        .click();
      await hostPage.keyboard.type(hhmm(startsAt, 'Asia/Dhaka').replace(':', ''));
      await hostPage.getByLabel('Length in minutes').fill('45');
      await hostPage.getByLabel('Seats').fill('50');
      await hostPage.getByText('In your time zone (Asia/Dhaka)').waitFor();
      expect(
        await hostPage
          .getByRole('checkbox', { name: 'Hold questions until a host approves them' })
          .isChecked(),
      ).toBe(true);
      await checkScreen(hostPage, `webinars-new-${size}`);
      await hostPage.getByRole('button', { name: 'Create webinar' }).click();
      await hostPage.getByRole('heading', { name: title, level: 1 }).waitFor();
      const webinarId = /\/webinars\/([0-9a-f-]{36})\/host$/.exec(hostPage.url())![1];
      const created = (await http().get(`/webinars/${webinarId}`)).body;
      expect(created).toMatchObject({
        startsAt: startsAt.toISOString(),
        durationMinutes: 45,
        timezone: 'Asia/Dhaka',
        seatsLeft: 50,
        qaModeration: true,
        publicUrl: new URL(`/webinars/${webinarId}`, deployment.env.config.PUBLIC_URL).toString(),
      });

      // A guest speaker, invited by e-mail and name, gets a link to the web app's page.
      await hostPage.getByRole('tab', { name: 'Speakers and hosts' }).click();
      await item(hostPage.getByRole('list', { name: 'Hosts' }), 'Hana').waitFor();
      await hostPage.getByLabel('Speaker’s name').fill('Dr Guest');
      const guestEmail = uniqueEmail('guest');
      await hostPage.getByLabel('Speaker’s e-mail').fill(guestEmail);
      await hostPage.getByRole('button', { name: 'Send invitation' }).click();
      await hostPage.getByText('We e-mailed Dr Guest their personal link.').waitFor();
      await item(hostPage.getByRole('list', { name: 'Speakers' }), 'Dr Guest').waitFor();
      const invitation = await smtp.waitFor((m) => m.envelopeTo.includes(guestEmail));
      expect(invitation.text).toMatch(new RegExp(`/webinars/${webinarId}#key=[\\w.-]+`));
      await checkScreen(hostPage, `webinars-host-people-${size}`);
      await hostPage.getByRole('tab', { name: 'Questions' }).click();

      // The host opens the room and turns the camera on.
      await hostPage.getByRole('button', { name: 'Join as host' }).click();
      await hostPage.getByText('You are connected', { exact: false }).waitFor({ timeout: 30_000 });
      await hostPage.getByRole('button', { name: 'Camera' }).click();
      await eventually(async () =>
        (await participant(webinarId, host.user.id))?.tracks.some((t) => t.type === 1),
      );
      await checkScreen(hostPage, `webinars-host-${size}`);

      // The speaker's personal link opens the page already known, and lets them speak.
      const speakerLink = new URL(/(http\S+#key=[\w.-]+)/.exec(invitation.text ?? '')![1]!);
      const speakerPage = await open(speakerLink.pathname + speakerLink.hash, { size });
      await speakerPage.getByRole('button', { name: 'Watch the webinar' }).click();
      await speakerPage.getByRole('button', { name: 'Camera' }).waitFor({ timeout: 30_000 });
      expect(speakerPage.url()).toBe(`${origin}/webinars/${webinarId}`);
      const speakers = await http().get(`/webinars/${webinarId}/speakers`, host.accessToken);
      expect(await participant(webinarId, `speaker-${speakers.body.items[0].id}`)).toMatchObject({
        name: 'Dr Guest',
        permission: expect.objectContaining({ canPublish: true, hidden: false }),
      });
      await speakerPage.context().close();

      // An attendee in Lima opens the public page: the time is in their zone.
      const apiUrls: string[] = [];
      const attendee = await open(`/webinars/${webinarId}`, { size });
      attendee.on('request', (request) => apiUrls.push(request.url()));
      await attendee.getByRole('heading', { name: title }).waitFor();
      const when = attendee.locator('header time');
      expect(await when.getAttribute('datetime')).toBe(startsAt.toISOString());
      expect(spaced(await when.textContent())).toContain('GMT-5');
      const limaTime = new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/Lima',
        hour: 'numeric',
        minute: '2-digit',
      }).format(startsAt);
      expect(spaced(await when.textContent())).toContain(spaced(limaTime));
      await checkScreen(attendee, `webinar-public-${size}`);
      await attendee.getByLabel('Name to show').fill('Wren');
      const wrenEmail = uniqueEmail('wren');
      await attendee.getByLabel('E-mail').fill(wrenEmail);
      await attendee.getByRole('button', { name: 'Register' }).click();
      await attendee.getByText('You are registered.', { exact: false }).waitFor();
      await attendee.getByRole('button', { name: 'Watch the webinar' }).waitFor();
      type Storages = Record<
        'localStorage' | 'sessionStorage',
        { getItem(key: string): string | null }
      >;
      const stored = (where: keyof Storages) =>
        attendee.evaluate(
          ([id, kind]) =>
            (globalThis as unknown as Storages)[kind as keyof Storages].getItem(
              `hearth.webinar.${id}`,
            ),
          [webinarId, where],
        );
      // The key lives in this tab only: on a shared device the next person is not Wren.
      const accessKey = await stored('sessionStorage');
      expect(accessKey).toMatch(/^[\w.-]{20,}$/);
      expect(await stored('localStorage')).toBeNull();
      const nextPerson = await attendee.context().newPage();
      await nextPerson.goto(`${origin}/webinars/${webinarId}`);
      await nextPerson.getByRole('button', { name: 'Register' }).waitFor();
      expect(await nextPerson.getByRole('button', { name: 'Watch the webinar' }).count()).toBe(0);
      await nextPerson.close();
      const registrations = (
        await http().get(`/webinars/${webinarId}/registrations`, host.accessToken)
      ).body.items as { id: string; displayName: string }[];
      const wren = `reg-${registrations.find((r) => r.displayName === 'Wren')!.id}`;

      // Watching: LiveKit lists them as a hidden, subscribe-only participant; the host's camera plays.
      await attendee.getByRole('button', { name: 'Watch the webinar' }).click();
      await attendee.getByText('You are connected', { exact: false }).waitFor({ timeout: 30_000 });
      expect(await participant(webinarId, wren)).toMatchObject({
        name: 'Wren',
        permission: expect.objectContaining({
          canPublish: false,
          canSubscribe: true,
          hidden: true,
        }),
      });
      const stage = await eventually(async () => {
        const tiles = await stageOf(attendee);
        return tiles[0] && tiles[0].playedSeconds > 1 ? tiles : undefined;
      }, 30_000);
      expect(stage).toEqual([
        {
          name: 'Hana',
          width: expect.any(Number),
          playedSeconds: expect.any(Number),
          shade: expect.any(String),
        },
      ]);
      // Frames keep coming: the picture changes.
      await eventually(async () => (await stageOf(attendee))[0]?.shade !== stage[0]!.shade);
      expect(await attendee.getByRole('button', { name: 'Camera' }).count()).toBe(0);
      await checkScreen(attendee, `webinar-watch-${size}`);

      // Another attendee asked before; Wren asks anonymously, with moderation on.
      const other = await http().post(`/webinars/${webinarId}/registrations`, {
        displayName: 'Rowan',
        email: uniqueEmail('rowan'),
      });
      await http().request('POST', `/webinars/${webinarId}/questions`, {
        body: { text: 'What helps on a grey morning?' },
        headers: { 'x-access-key': other.body.accessKey },
      });
      await attendee.getByLabel('Your question').fill('How do I talk to my family about it?');
      // The box is drawn over the visually hidden input: click its label, as a person does.
      await attendee.getByText('Ask anonymously', { exact: false }).click();
      expect(
        await attendee.getByRole('checkbox', { name: 'Ask anonymously', exact: false }).isChecked(),
      ).toBe(true);
      await attendee.getByRole('button', { name: 'Send question' }).click();
      await attendee.getByText('Your question will appear once a host approves it.').waitFor();
      const questions = attendee.getByRole('list', { name: 'Questions' });
      const mine = item(questions, 'How do I talk to my family about it?');
      expect(spaced(await mine.textContent())).toContain('You (anonymously)');
      expect(spaced(await mine.textContent())).toContain('waiting for approval');
      // Rowan's question waits for a host: Wren does not see it yet.
      expect(await item(questions, 'grey morning').count()).toBe(0);

      // The host sees both held, without Wren's name, and approves them.
      const held = hostPage.getByRole('list', { name: 'Waiting for approval' });
      const heldWren = item(held, 'How do I talk to my family about it?');
      await heldWren.waitFor();
      expect(await heldWren.textContent()).toContain('Anonymous');
      expect(await heldWren.textContent()).not.toContain('Wren');
      await item(held, 'grey morning').waitFor();
      await checkScreen(hostPage, `webinars-host-moderation-${size}`);
      await heldWren.getByRole('button', { name: 'Approve' }).click();
      await item(held, 'grey morning').getByRole('button', { name: 'Approve' }).click();
      await hostPage.getByText('Nothing is waiting.').waitFor();

      // Wren sees both; upvotes Rowan's (their own has no upvote button).
      await eventually(async () =>
        !spaced(await mine.textContent()).includes('waiting for approval') ? true : undefined,
      );
      const rowans = item(questions, 'What helps on a grey morning?');
      await rowans.waitFor({ timeout: 10_000 });
      expect(await mine.getByRole('button', { name: 'Upvote' }).count()).toBe(0);
      await rowans.getByRole('button', { name: 'Upvote' }).click();
      await rowans.getByRole('button', { name: 'Upvoted' }).waitFor();
      await rowans.getByText('1 vote').waitFor();
      const votes = await http().get(`/webinars/${webinarId}/questions`, host.accessToken);
      expect(
        votes.body.items.find((q: { text: string }) => q.text.includes('grey morning')).votes,
      ).toBe(1);
      await checkScreen(attendee, `webinar-questions-${size}`);

      // The host invites Wren to speak: Wren can publish, then goes back to the audience.
      await hostPage.getByRole('tab', { name: 'Attendees' }).click();
      const wrenRow = item(hostPage.getByRole('list', { name: 'Attendees' }), 'Wren');
      await wrenRow.getByRole('button', { name: 'Invite to speak' }).click();
      await attendee.getByText('A host has invited you to speak', { exact: false }).waitFor({
        timeout: 15_000,
      });
      await eventually(async () =>
        (await participant(webinarId, wren))?.permission?.canPublish ? true : undefined,
      );
      await attendee.getByRole('button', { name: 'Camera' }).click();
      await eventually(async () => ((await participant(webinarId, wren))?.tracks.length ?? 0) > 0);
      await checkScreen(attendee, `webinar-promoted-${size}`);
      await wrenRow.getByRole('button', { name: 'Back to the audience' }).click();
      await eventually(async () =>
        (await attendee.getByRole('button', { name: 'Camera' }).count()) === 0 ? true : undefined,
      );
      const demoted = await participant(webinarId, wren);
      expect(demoted?.permission?.canPublish).toBe(false);
      await eventually(
        async () => ((await participant(webinarId, wren))?.tracks.length ?? 1) === 0,
      );

      // The key never travelled in a URL.
      expect(apiUrls.filter((url) => url.includes(accessKey!))).toEqual([]);
      expect(attendee.url()).toBe(`${origin}/webinars/${webinarId}`);

      // After: both leave, and the host view shows who came.
      await attendee.getByRole('button', { name: 'Leave' }).click();
      await attendee.getByText('The video has stopped.').waitFor();
      await hostPage.getByRole('button', { name: 'Leave' }).click();
      await hostPage.reload();
      // After a reload the navigation shows staff links once the profile has come back.
      await hostPage.getByRole('navigation').getByRole('link', { name: 'Webinars' }).waitFor();
      await hostPage.getByRole('tab', { name: 'Attendance' }).click();
      // The worker records the room's webhooks; the tab re-reads the report every 10 s.
      const wrenCame = hostPage
        .getByRole('table', { name: 'Attendance' })
        .getByRole('row')
        .filter({ hasText: 'Wren' })
        .filter({ hasText: 'Yes' });
      await wrenCame.waitFor({ timeout: 45_000 });
      await hostPage.getByText('Came', { exact: true }).first().waitFor();
      await checkScreen(hostPage, `webinars-attendance-${size}`);

      // The confirmation e-mail's link opens the page already registered, and drops the key.
      const confirmation = await smtp.waitFor((m) => m.envelopeTo.includes(wrenEmail));
      const link = /(http\S+\/webinars\/\S+#key=[\w.-]+)/.exec(confirmation.text ?? '')![1];
      expect(link).toBe(`${created.publicUrl}#key=${accessKey}`);
      const fromMail = await open(new URL(link).pathname + new URL(link).hash, { size });
      await fromMail.getByRole('button', { name: 'Watch the webinar' }).waitFor();
      expect(fromMail.url()).toBe(`${origin}/webinars/${webinarId}`);
      await Promise.all([hostPage, attendee, fromMail].map((page) => page.context().close()));
    }, 240_000);
  }

  it('speaks Bengali and Indonesian on the public page', async () => {
    const webinarId = await createWebinar('Mood and sleep');
    const bengali = await open(`/webinars/${webinarId}`, { locale: 'bn-BD' });
    await bengali.getByRole('heading', { name: 'নিবন্ধন করুন' }).waitFor();
    await checkScreen(bengali, 'webinar-public-bn');
    await bengali.getByLabel('যে নাম দেখাবে').fill('Nadia');
    await bengali.getByLabel('ই-মেইল').fill(uniqueEmail('nadia'));
    await bengali.getByRole('button', { name: 'নিবন্ধন করুন' }).click();
    await bengali.getByRole('button', { name: 'ওয়েবিনার দেখুন' }).waitFor();
    await checkScreen(bengali, 'webinar-registered-bn');
    const indonesian = await open(`/webinars/${webinarId}`, { locale: 'id-ID' });
    await indonesian.getByRole('heading', { name: 'Daftar' }).waitFor();
    await checkScreen(indonesian, 'webinar-public-id');
    await indonesian.getByLabel('Nama yang ditampilkan').fill('Putri');
    await indonesian.getByLabel('E-mail').fill(uniqueEmail('putri'));
    await indonesian.getByRole('button', { name: 'Daftar' }).click();
    await indonesian.getByRole('button', { name: 'Tonton webinar' }).click();
    // Nobody opened the room yet: the page says so and keeps trying.
    await indonesian.getByText('Webinar belum dimulai.', { exact: false }).waitFor({
      timeout: 30_000,
    });
    await checkScreen(indonesian, 'webinar-waiting-id');
    await Promise.all([bengali, indonesian].map((page) => page.context().close()));
  }, 90_000);

  it('lets the owner name a colleague as host from the staff, and shows others the page is for hosts', async () => {
    const webinarId = await createWebinar('Hosts and helpers', 60);
    const colleague = await registerUser(http(), 'Ines');
    await markEmailVerified(deployment.env, colleague.user.id);
    await joinOrganization(http(), host.accessToken, orgId, colleague, 'therapist');

    // Not named yet: the colleague is told the page is for hosts.
    const colleaguePage = await open(`/webinars/${webinarId}/host`, { size: 'desktop' });
    await signInThroughForm(colleaguePage, colleague);
    await colleaguePage.getByRole('heading', { name: 'For hosts only' }).waitFor();
    await checkScreen(colleaguePage, 'webinars-host-refused');

    const ownerPage = await open(`/webinars/${webinarId}/host`, { size: 'phone' });
    await signInThroughForm(ownerPage, host);
    await ownerPage.getByRole('tab', { name: 'Speakers and hosts' }).click();
    await ownerPage.getByLabel('Add a host from your staff').selectOption({ label: 'Ines' });
    await ownerPage.getByRole('button', { name: 'Add host' }).click();
    const hosts = ownerPage.getByRole('list', { name: 'Hosts' });
    await item(hosts, 'Ines').waitFor();
    const named = await http().get(`/webinars/${webinarId}/hosts`, host.accessToken);
    expect(named.body.items.map((h: { displayName: string }) => h.displayName).sort()).toEqual([
      'Hana',
      'Ines',
    ]);
    await checkScreen(ownerPage, 'webinars-host-hosts');

    // Now named, the colleague runs it.
    await colleaguePage.reload();
    await colleaguePage.getByRole('button', { name: 'Join as host' }).waitFor();
    // Removed again, they are not.
    await item(hosts, 'Ines').getByRole('button', { name: 'Remove' }).click();
    await eventually(async () => ((await item(hosts, 'Ines').count()) === 0 ? true : undefined));
    await colleaguePage.reload();
    await colleaguePage.getByRole('heading', { name: 'For hosts only' }).waitFor();
    await Promise.all([colleaguePage, ownerPage].map((page) => page.context().close()));
  }, 90_000);

  it('keeps the moderation queue and every attendee within reach of a host past the first page', async () => {
    const webinarId = await createWebinar('A busy Q&A', 5);
    const ask = async (name: string, text: string) => {
      const registration = await http().post(`/webinars/${webinarId}/registrations`, {
        displayName: name,
        email: `${name}@example.org`,
      });
      const asked = await http().request('POST', `/webinars/${webinarId}/questions`, {
        body: { text },
        headers: { 'x-access-key': registration.body.accessKey },
      });
      return asked.body.id as string;
    };
    // 55 approved questions fill more than the first page; the one waiting is the newest.
    for (let i = 0; i < 55; i += 1) {
      const id = await ask(`asker${i}`, `Approved question ${i}`);
      await http().post(`/webinars/${webinarId}/questions/${id}/approve`, {}, host.accessToken);
    }
    for (let i = 55; i < 205; i += 1) {
      await http().post(`/webinars/${webinarId}/registrations`, {
        displayName: `listener${i}`,
        email: `listener${i}@example.org`,
      });
    }
    await ask('late', 'The question still waiting');

    const hostPage = await open('/webinars', { size: 'desktop' });
    await signInThroughForm(hostPage, host);
    await hostPage.getByRole('link', { name: 'A busy Q&A' }).click();
    const held = hostPage.getByRole('list', { name: 'Waiting for approval' });
    await item(held, 'The question still waiting')
      .getByRole('button', { name: 'Approve' })
      .waitFor();
    // 206 attendees: the first 200, then the rest on request.
    await hostPage.getByRole('tab', { name: 'Attendees' }).click();
    const attendees = hostPage.getByRole('list', { name: 'Attendees' }).getByRole('listitem');
    await attendees.nth(199).waitFor();
    expect(await attendees.count()).toBe(200);
    await hostPage.getByRole('button', { name: 'Show more attendees' }).click();
    await attendees.nth(205).waitFor();
    expect(await attendees.count()).toBe(206);
    expect(await attendees.last().textContent()).toMatch(/^late/);
    await checkScreen(hostPage, 'webinars-host-busy');
    await hostPage.context().close();
  }, 120_000);

  it('refuses a webinar link whose id is a path, and calls no api with it', async () => {
    const facilitator = await registerUser(http(), 'facilitator');
    const { orgId: clinic, versionId } = await organizationWithCurriculum(
      http(),
      facilitator,
      'Crafted links clinic',
    );
    const { sessions } = await groupStartingIn(http(), facilitator, clinic, versionId, 24 * 60);
    const sessionId = sessions[0]!.id;
    // An id that is a path: refused by the page before any api call.
    const asPath = encodeURIComponent(`${sessionId}/cancel`);
    const calls: string[] = [];
    const visitor = await open('/');
    visitor.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (/\/api\/v1\/(webinars|sessions)/.test(path)) calls.push(request.url());
    });
    await visitor.goto(`${origin}/webinars/${asPath}`);
    await visitor.getByText('This link is not valid', { exact: false }).waitFor();
    await checkScreen(visitor, 'webinar-invalid-link');
    // One that climbs out of the path never reaches the app.
    const crafted = encodeURIComponent(`../sessions/${sessionId}/cancel#`);
    await visitor.goto(`${origin}/webinars/${crafted}`, { waitUntil: 'networkidle' });
    expect(calls).toEqual([]);

    // Signed in as staff, on the host view's address.
    const staff = await open('/', { size: 'desktop' });
    await signInThroughForm(staff, facilitator);
    await staff.getByRole('link', { name: 'Webinars' }).waitFor();
    staff.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (/\/api\/v1\/(webinars|sessions)/.test(path)) calls.push(request.url());
    });
    await staff.goto(`${origin}/webinars/${asPath}/host`, { waitUntil: 'networkidle' });
    await staff.getByText('We cannot find this webinar', { exact: false }).waitFor();
    await staff.goto(`${origin}/webinars/${crafted}/host`, { waitUntil: 'networkidle' });
    expect(calls).toEqual([]);
    expect((await http().get(`/sessions/${sessionId}`, facilitator.accessToken)).body.status).toBe(
      'scheduled',
    );
    await Promise.all([visitor, staff].map((page) => page.context().close()));
  }, 60_000);
});
