import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { type Deployment, startDeployment } from './support/deployment.js';
import { markEmailVerified, registerUser, uniqueEmail } from './support/hearth.js';
import { joinOrganization } from './support/members.js';
import { checkScreen, openApp, signInThroughForm } from './support/web.js';

const CBT = 'Group CBT for Depression (8 sessions)';
const PASSWORD = 'a long phrase nobody guesses 42';

/**
 * Organizations and programs in the web app: a therapist starts an organization, sets it up,
 * invites colleagues by e-mail and adapts a built-in program, in Chromium at phone and desktop size.
 */
describe('The web app for organizations and programs (e2e, Chromium)', () => {
  let deployment: Deployment;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    deployment = await startDeployment('web_org', { smtp: true });
    origin = deployment.api.http.baseUrl.replace('/api/v1', '');
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await deployment?.close();
  });

  /** The open reminder rows' values, as the settings form shows them. */
  const reminderRows = async (page: Page) => {
    const rows: string[] = [];
    for (let n = 1; ; n++) {
      const amount = page.getByLabel(`Reminder ${n}: how many`);
      if ((await amount.count()) === 0) return rows;
      rows.push(
        `${await amount.inputValue()} ${await page.getByLabel(`Reminder ${n}: minutes, hours or days`).inputValue()}`,
      );
    }
  };

  for (const size of ['phone', 'desktop'] as const) {
    it(`takes a therapist from signing up to a published program of their own (${size})`, async () => {
      const { http } = deployment.api;
      const smtp = deployment.smtp!;
      const email = uniqueEmail(`founder-${size}`);
      const organizationName = `Riverside Counselling (${size})`;
      const page = await openApp(browser, origin, { size });

      // Signs up through the form; home offers to start an organization.
      await page.getByRole('button', { name: 'Create an account' }).click();
      await page.getByLabel('The name others in your group see').fill('Dr Amara');
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Create an account' }).click();
      await page.getByRole('heading', { name: 'Hello, Dr Amara' }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link', { name: 'Programs' }).count()).toBe(0);
      await page.getByRole('heading', { name: 'Running groups? Start an organization' }).waitFor();
      await checkScreen(page, `org-home-start-${size}`);
      await page.getByRole('link', { name: 'Start an organization' }).click();

      await page.getByRole('heading', { name: 'Start an organization' }).waitFor();
      await page.getByLabel('Name of the organization').fill(organizationName);
      await checkScreen(page, `org-new-${size}`);
      await page.getByRole('button', { name: 'Create the organization' }).click();

      // Now staff: the settings, and the staff links in the navigation.
      await page.getByRole('heading', { name: organizationName }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/organization');
      await nav.getByRole('link', { name: 'Programs' }).waitFor();
      expect(await reminderRows(page)).toEqual(['1 days', '1 hours']);
      await checkScreen(page, `org-settings-${size}`);

      // Reminder times: two days and three hours before; the group agreement text.
      await page.getByRole('button', { name: 'Remove reminder 2' }).click();
      await page.getByLabel('Reminder 1: how many').fill('2');
      await page.getByRole('button', { name: 'Add a reminder time' }).click();
      await page.getByLabel('Reminder 2: how many').fill('3');
      await page.getByLabel('Reminder 2: minutes, hours or days').selectOption('hours');
      // The same time twice cannot be saved, and the form says why.
      await page.getByRole('button', { name: 'Add a reminder time' }).click();
      await page.getByLabel('Reminder 3: how many').fill('3');
      await page.getByText('Two reminders are at the same time').waitFor();
      expect(await page.getByRole('button', { name: 'Save the settings' }).isDisabled()).toBe(true);
      await page.getByRole('button', { name: 'Remove reminder 3' }).click();
      const agreement =
        'We keep what is shared here private. We listen without judging, and anyone may pass.';
      await page.getByLabel('Group agreement').fill(agreement);
      await page.getByLabel('Time zone of the organization').selectOption('Asia/Dhaka');
      await page.getByRole('button', { name: 'Save the settings' }).click();
      await page.getByRole('status').getByText('Saved.').waitFor();

      const login = await http.post('/auth/login', { email, password: PASSWORD });
      const token = login.body.accessToken as string;
      const orgId = (await http.get('/me', token)).body.memberships[0].organizationId as string;
      const saved = await http.get(`/organizations/${orgId}`, token);
      expect(saved.body).toMatchObject({
        name: organizationName,
        timezone: 'Asia/Dhaka',
        reminderOffsetsMinutes: [2880, 180],
        groupAgreement: { version: 1, text: agreement },
      });
      // After a reload the form shows what was saved.
      await page.reload();
      await page.getByText('This is version 1.', { exact: false }).waitFor();
      expect(await reminderRows(page)).toEqual(['2 days', '3 hours']);
      expect(await page.getByLabel('Group agreement').inputValue()).toBe(agreement);

      // Invites three people by e-mail; each gets an e-mail from the real SMTP server.
      await page.getByRole('link', { name: 'Members and invitations' }).click();
      await page.getByRole('heading', { name: 'Members', exact: true }).waitFor();
      await page.getByText('No invitations are waiting for an answer.').waitFor();
      await checkScreen(page, `org-members-empty-${size}`);
      const invitees = [
        { email: uniqueEmail('colleague'), role: 'therapist', label: 'Therapist' },
        { email: uniqueEmail('manager'), role: 'admin', label: 'Admin' },
        { email: uniqueEmail('member'), role: 'participant', label: 'Participant' },
      ];
      for (const invitee of invitees) {
        await page.getByLabel('E-mail').fill(invitee.email);
        await page.getByLabel('Role').selectOption(invitee.role);
        await page.getByRole('button', { name: 'Send the invitation' }).click();
        await page.getByRole('status').getByText(`Invitation sent to ${invitee.email}.`).waitFor();
      }
      const open = page.getByRole('region', { name: 'Open invitations' }).getByRole('listitem');
      for (const invitee of invitees) {
        await open.filter({ hasText: invitee.email }).getByText(invitee.label).waitFor();
      }
      expect(await open.count()).toBe(3);
      const people = page.getByRole('region', { name: 'People in the organization' });
      await people
        .getByRole('listitem')
        .filter({ hasText: 'Dr Amara' })
        .getByText('Owner')
        .waitFor();
      await checkScreen(page, `org-members-${size}`);
      for (const invitee of invitees) {
        const mail = await smtp.waitFor((m) => m.envelopeTo.includes(invitee.email));
        expect(mail.subject).toBe(`You are invited to join ${organizationName} on Hearth`);
        expect(mail.text).toMatch(/\/invitations\/accept#token=/);
      }

      // Programs: none yet; the built-in ones to start from.
      await nav.getByRole('link', { name: 'Programs' }).click();
      await page.getByRole('heading', { name: 'Programs', level: 1 }).waitFor();
      await page.getByText('You have no programs yet.').waitFor();
      const cbt = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: CBT }) });
      await cbt.getByText('8 sessions of 90 minutes').waitFor();
      await page
        .getByRole('heading', { name: 'Mindfulness-Based Cognitive Therapy (8 weeks)' })
        .waitFor();
      await checkScreen(page, `curricula-empty-${size}`);
      await cbt.getByRole('button', { name: 'Use this program' }).click();

      // The program: version 1, published; its sessions with agenda and facilitator notes.
      await page.getByRole('heading', { name: CBT, level: 1 }).waitFor();
      const versions = page.getByRole('region', { name: 'Versions' }).getByRole('listitem');
      await versions
        .filter({ hasText: 'Version 1' })
        .getByText('Published', { exact: true })
        .waitFor();
      await page.getByRole('heading', { name: 'Sessions in version 1' }).waitFor();
      await page.getByText('Session 1: Welcome and the CBT model').click();
      const firstItem = page.getByRole('listitem').filter({ hasText: 'Welcome and introductions' });
      await firstItem.getByText('15 min').waitFor();
      await firstItem.getByText('Introduce yourselves and the shape').waitFor();
      await checkScreen(page, `curriculum-${size}`);

      // Edit makes a draft of version 2; changes to minutes and notes are saved to it.
      await page.getByRole('button', { name: 'Edit' }).click();
      await page.getByRole('heading', { name: 'Editing the draft of version 2' }).waitFor();
      await versions.filter({ hasText: 'Version 2' }).getByText('Draft', { exact: true }).waitFor();
      await page.getByText('Session 1: Welcome and the CBT model').click();
      const item = page.getByRole('group', { name: 'Session 1, agenda item 1' });
      await item.getByLabel('Minutes').fill('20');
      const notes =
        'Go round the circle slowly; offer a written introduction to anyone who prefers it.';
      await item.getByLabel('Facilitator notes').fill(notes);
      await page.getByText('The agenda adds up to 95 minutes.').waitFor();
      await checkScreen(page, `curriculum-editor-${size}`);
      await page.getByRole('button', { name: 'Save the draft' }).click();
      await page.getByRole('status').getByText('The draft is saved.').waitFor();

      // The draft waits in the list and is carried on after a reload.
      await page.reload();
      await page.getByRole('button', { name: 'Continue editing the draft (version 2)' }).click();
      await page.getByText('Session 1: Welcome and the CBT model').click();
      expect(await item.getByLabel('Minutes').inputValue()).toBe('20');
      expect(await item.getByLabel('Facilitator notes').inputValue()).toBe(notes);
      // A change not yet saved is saved by publishing.
      await page
        .getByRole('group', { name: 'Session 1, agenda item 2' })
        .getByLabel('Minutes')
        .fill('10');
      await page.getByRole('button', { name: 'Publish version 2' }).click();
      // Publishing cannot be undone: it asks first.
      const confirm = page.getByRole('alertdialog', { name: 'Publish version 2?' });
      await confirm
        .getByText('Once published, this version cannot be changed.', { exact: false })
        .waitFor();
      await confirm.getByRole('button', { name: 'Yes, publish it' }).click();

      // Version 2 is published and is the one shown.
      await page.getByRole('status').getByText('Version 2 is published.').waitFor();
      await versions
        .filter({ hasText: 'Version 2' })
        .getByText('Published', { exact: true })
        .waitFor();
      await page.getByRole('heading', { name: 'Sessions in version 2' }).waitFor();
      await page.getByText('Session 1: Welcome and the CBT model').click();
      await firstItem.getByText('20 min').waitFor();
      await firstItem.getByText(notes).waitFor();
      await page
        .getByRole('listitem')
        .filter({ hasText: 'Building the group agreement' })
        .getByText('10 min')
        .waitFor();
      await checkScreen(page, `curriculum-published-${size}`);
      const curricula = await http.get(`/organizations/${orgId}/curricula`, token);
      expect(curricula.body.items).toEqual([
        expect.objectContaining({ title: CBT, currentVersion: 2, status: 'published' }),
      ]);

      await page.getByRole('link', { name: 'All programs' }).click();
      await page
        .getByRole('listitem')
        .filter({ hasText: CBT })
        .getByText('Version 2 · 8 sessions')
        .waitFor();
      await checkScreen(page, `curricula-${size}`);
      await page.context().close();
    }, 120_000);
  }

  it('shows a therapist the settings to read, and no member list', async () => {
    const { http } = deployment.api;
    const owner = await registerUser(http, 'owner');
    const orgId = (
      await http.post('/organizations', { name: 'Hillside Clinic' }, owner.accessToken)
    ).body.id as string;
    await http.patch(
      `/organizations/${orgId}`,
      {
        groupAgreement: 'We arrive on time and speak one at a time.',
        reminderOffsetsMinutes: [30],
      },
      owner.accessToken,
    );
    const therapist = await registerUser(http, 'reader');
    await markEmailVerified(deployment.env, therapist.user.id);
    await joinOrganization(http, owner.accessToken, orgId, therapist, 'therapist');

    const page = await openApp(browser, origin, { size: 'phone' });
    await signInThroughForm(page, therapist);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Organization' })
      .click();
    await page.getByRole('heading', { name: 'Hillside Clinic' }).waitFor();
    await page.getByText('Owners and admins can change these settings.').waitFor();
    await page.getByText('30 minutes before').waitFor();
    await page.getByText('We arrive on time and speak one at a time.').waitFor();
    expect(await page.getByRole('button', { name: 'Save the settings' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Members and invitations' }).count()).toBe(0);
    await checkScreen(page, 'org-settings-therapist');
    await page.goto(`${origin}/organization/members`);
    await page.getByText('Only owners and admins can see and invite members.').waitFor();
    await page.context().close();
  });

  it('speaks Bengali and Indonesian on the settings and programs screens', async () => {
    const { http } = deployment.api;
    const owner = await registerUser(http, 'bilingual');
    const orgId = (await http.post('/organizations', { name: 'Dhaka Care' }, owner.accessToken))
      .body.id as string;
    await http.post(
      `/organizations/${orgId}/curricula`,
      { templateKey: 'mbct-8' },
      owner.accessToken,
    );

    const page = await openApp(browser, origin, { size: 'phone', locale: 'bn-BD' });
    await page.getByLabel('ই-মেইল').fill(owner.email);
    await page.getByLabel('পাসওয়ার্ড').fill(owner.password);
    await page.getByRole('button', { name: 'সাইন ইন করুন' }).click();
    await page.getByRole('navigation').waitFor();
    await page.goto(`${origin}/organization`);
    await page.getByRole('heading', { name: 'সেটিংস' }).waitFor();
    expect(await page.getByLabel('রিমাইন্ডার 1: কত').inputValue()).toBe('1');
    await checkScreen(page, 'org-settings-bn');
    await page.goto(`${origin}/curricula`);
    await page.getByRole('heading', { name: 'আপনার প্রতিষ্ঠানের প্রোগ্রাম' }).waitFor();
    await checkScreen(page, 'curricula-bn');

    await page.getByLabel('ভাষা').selectOption('id');
    await page.getByRole('heading', { name: 'Program organisasi Anda' }).waitFor();
    await page.getByText('Versi 1 · 8 sesi').waitFor();
    await checkScreen(page, 'curricula-id');
    await page.getByRole('link', { name: 'Mindfulness-Based Cognitive Therapy (8 weeks)' }).click();
    await page.getByRole('heading', { name: 'Sesi dalam versi 1' }).waitFor();
    await page.getByRole('button', { name: 'Ubah' }).waitFor();
    await checkScreen(page, 'curriculum-id');
    await page.goto(`${origin}/organization/members`);
    await page.getByRole('heading', { name: 'Undang seseorang' }).waitFor();
    await checkScreen(page, 'org-members-id');
    await page.context().close();
  });
});
