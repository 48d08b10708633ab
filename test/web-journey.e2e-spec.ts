import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, remoteVideoFrames } from './support/browser.js';
import { type Deployment, startDeployment } from './support/deployment.js';
import { uniqueEmail } from './support/hearth.js';
import type { TestSmtpServer } from './support/smtp.js';
import { eventually } from './support/wait.js';
import { checkScreen, SIZES, type Size } from './support/web.js';

const CBT = 'Group CBT for Depression (8 sessions)';
const PASSWORD = 'a long phrase nobody guesses 42';

/**
 * The whole of Hearth in the browser, as its first users meet it: a therapist (desktop) signs up,
 * starts an organization, takes the CBT program, creates a group and invites three people; one
 * of them (on a phone) accepts from the e-mail, consents to the agreement, waits in the lobby, is
 * admitted from the session page, and both see each other's video through the real LiveKit
 * server; the therapist mutes them; attendance shows them present after they leave.
 * (A participant changing time zone: test/web-app.e2e-spec.ts; a webinar attendee registering,
 * asking and the host approving: test/web-webinars.e2e-spec.ts.)
 */
describe('A therapist and a participant, from sign-up to a session together (e2e, Chromium, real LiveKit)', () => {
  let deployment: Deployment;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let origin: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // 1 % of a 15-minute session (9 s) in the room makes a person present.
    deployment = await startDeployment('web_journey', {
      smtp: true,
      env: { ATTENDANCE_PRESENT_PERCENT: '1' },
    });
    smtp = deployment.smtp!;
    origin = deployment.api.http.baseUrl.replace('/api/v1', '');
    browser = await launchChromium({ fakeMedia: true });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await deployment?.close();
  });

  async function newPage(size: Size, context?: BrowserContext): Promise<Page> {
    if (!context) {
      context = await browser.newContext({
        viewport: SIZES[size],
        permissions: ['camera', 'microphone'],
        timezoneId: 'UTC',
      });
      contexts.push(context);
    }
    return context.newPage();
  }

  /** The link an e-mail carries, opened at this deployment. */
  async function linkMailedTo(email: string, subject: string): Promise<string> {
    const mail = await smtp.waitFor(
      (m) => m.envelopeTo.includes(email) && !!m.subject?.startsWith(subject),
    );
    const link = new URL(/https?:\/\/\S+/.exec(mail.text ?? '')![0]);
    return `${origin}${link.pathname}${link.hash}`;
  }

  it('goes from an empty Hearth to a session the two of them share', async () => {
    const therapistEmail = uniqueEmail('amara');
    const invited = ['willow', 'rowan', 'hazel'].map((name) => uniqueEmail(name));

    // The therapist signs up and starts an organization.
    const desk = await newPage('desktop');
    await desk.goto(`${origin}/`);
    await desk.getByRole('button', { name: 'Create an account' }).click();
    await desk.getByLabel('The name others in your group see').fill('Dr Amara');
    await desk.getByLabel('E-mail').fill(therapistEmail);
    await desk.getByLabel('Password').fill(PASSWORD);
    await desk.getByRole('button', { name: 'Create an account' }).click();
    await desk.getByRole('link', { name: 'Start an organization' }).click();
    await desk.getByLabel('Name of the organization').fill('Riverside Counselling');
    await desk.getByRole('button', { name: 'Create the organization' }).click();
    await desk.getByRole('heading', { name: 'Riverside Counselling' }).waitFor();
    await desk
      .getByLabel('Group agreement')
      .fill('What is said in the group stays in the group. We listen without fixing.');
    await desk.getByRole('button', { name: 'Save the settings' }).click();
    await desk.getByRole('status').getByText('Saved.').waitFor();
    await checkScreen(desk, 'journey-organization-desktop');

    // The CBT program becomes the organization's own.
    const nav = desk.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Programs' }).click();
    await desk
      .getByRole('listitem')
      .filter({ has: desk.getByRole('heading', { name: CBT }) })
      .getByRole('button', { name: 'Use this program' })
      .click();
    await desk.getByRole('heading', { name: CBT, level: 1 }).waitFor();

    // A 15-minute group session starting in two minutes, in UTC, with a waiting room.
    const start = new Date(Math.ceil((Date.now() + 2 * 60_000) / 60_000) * 60_000);
    const [year, month, day] = start.toISOString().slice(0, 10).split('-');
    const time = start.toISOString().slice(11, 16);
    await nav.getByRole('link', { name: 'Groups' }).click();
    await desk.getByRole('link', { name: 'New group' }).click();
    await desk.getByLabel('Name').fill('Tuesday evening group');
    await desk
      .getByLabel('Program version')
      .locator('option')
      .first()
      .waitFor({ state: 'attached' });
    await desk.getByLabel('Time zone of the group').selectOption('UTC');
    await desk
      .getByRole('group', { name: 'Date of the first session' })
      .getByRole('spinbutton')
      .first()
      .click();
    await desk.keyboard.type(`${month}${day}${year}`);
    await desk.getByRole('group', { name: 'Start time' }).getByRole('spinbutton').first().click();
    await desk.keyboard.type(time.replace(':', ''));
    await desk.getByLabel('Length in minutes').fill('15');
    await desk.getByLabel('Seats').fill('8');
    // Leave the field first: with it focused, the full-page screenshot's resize made the next
    // click on Create not submit (seen only after a screenshot).
    await desk.getByLabel('Seats').blur();
    await checkScreen(desk, 'journey-new-group-desktop');
    await desk.getByRole('button', { name: 'Create the group' }).click();
    await desk.getByRole('heading', { name: 'Tuesday evening group' }).waitFor();
    const groupUrl = desk.url();

    // Three invitations, by real e-mail.
    await nav.getByRole('link', { name: 'Organization' }).click();
    await desk.getByRole('link', { name: 'Members and invitations' }).click();
    for (const email of invited) {
      await desk.getByLabel('E-mail').fill(email);
      await desk.getByLabel('Role').selectOption('participant');
      await desk.getByRole('button', { name: 'Send the invitation' }).click();
      await desk.getByRole('status').getByText(`Invitation sent to ${email}.`).waitFor();
    }
    await checkScreen(desk, 'journey-invitations-desktop');
    const links = await Promise.all(invited.map((email) => linkMailedTo(email, 'You are invited')));

    // Willow accepts on her phone and signs up from the link.
    const phone = await newPage('phone');
    await phone.goto(links[0]!);
    await phone.getByLabel('The name others in your group see').fill('Willow');
    await phone.getByLabel('Password').fill(PASSWORD);
    await phone.getByRole('button', { name: 'Accept the invitation' }).click();
    await phone.getByRole('heading', { name: 'Hello, Willow' }).waitFor();

    // The therapist gives her a seat in the group.
    await desk.goto(groupUrl);
    await desk.getByRole('tab', { name: 'Roster' }).click();
    await desk.getByLabel('Member', { exact: true }).selectOption({ label: 'Willow' });
    await desk.getByRole('button', { name: 'Enroll', exact: true }).click();
    await desk.getByRole('heading', { name: 'Members (1 of 8 seats)' }).waitFor();

    // Home shows her the session; joining asks for the agreement first, then the lobby.
    await phone.reload();
    await phone.getByRole('heading', { name: 'Your next session' }).waitFor();
    await checkScreen(phone, 'journey-home-phone');
    await phone.getByRole('link', { name: 'Join the session' }).click();
    await phone.getByRole('button', { name: 'Join the session' }).click();
    await phone.getByText('What is said in the group stays in the group.').waitFor();
    await checkScreen(phone, 'journey-agreement-phone');
    await phone.getByRole('button', { name: 'I agree' }).click();
    await phone.getByRole('heading', { name: 'You are in the waiting room' }).waitFor();
    await checkScreen(phone, 'journey-waiting-phone');

    // The therapist admits her from the session page, by alias.
    await desk.getByRole('tab', { name: 'Schedule' }).click();
    await desk.getByRole('link', { name: new RegExp(`^Session 1 at ${time}, `) }).click();
    await desk.getByRole('heading', { name: 'Waiting room (1)' }).waitFor({ timeout: 20_000 });
    await desk.getByRole('button', { name: 'Admit Willow' }).click();
    await phone.getByRole('toolbar', { name: 'Room controls' }).waitFor({ timeout: 30_000 });

    // The therapist opens the room in a second tab; each sees the other's camera.
    const room = await newPage('desktop', desk.context());
    await room.goto(
      `${origin}${await desk.getByRole('link', { name: 'Open the room' }).getAttribute('href')}`,
    );
    await room.getByRole('button', { name: 'Join the session' }).click();
    await room.getByRole('toolbar', { name: 'Room controls' }).waitFor({ timeout: 30_000 });
    for (const page of [phone, room]) {
      const first = await eventually(
        async () => (await remoteVideoFrames(page)) || undefined,
        30_000,
      );
      await eventually(async () => (await remoteVideoFrames(page)) > first + 10, 30_000);
    }
    await checkScreen(phone, 'journey-room-phone');
    await checkScreen(room, 'journey-room-desktop');

    // The therapist mutes her from the session page; she is told who did it.
    await desk.getByRole('button', { name: 'Mute Willow' }).click({ timeout: 30_000 });
    await phone
      .getByText(
        'The facilitator muted your microphone. You can unmute whenever you want to speak.',
      )
      .waitFor({ timeout: 15_000 });

    // She stays past the start, then leaves; the session page shows her present.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, start.getTime() + 12_000 - Date.now())),
    );
    await phone.getByRole('button', { name: 'Leave' }).click();
    await phone.getByRole('heading', { name: 'You left the session' }).waitFor();
    const attendance = desk.getByRole('region', { name: 'Attendance' });
    await attendance
      .getByRole('listitem')
      .filter({ hasText: 'Willow' })
      .locator('.badge', { hasText: 'Present' })
      .waitFor({ timeout: 45_000 });
    await checkScreen(desk, 'journey-attendance-desktop');
  }, 480_000);
});
