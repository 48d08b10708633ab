import { readFile } from 'node:fs/promises';
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
import { RtcParticipant } from './support/rtc-participant.js';
import { eventually } from './support/wait.js';
import {
  checkBothSizes,
  checkScreen,
  fillFirstSession,
  openApp,
  signInThroughForm,
  type Size,
} from './support/web.js';

type SessionItem = {
  id: string;
  sequence: number;
  moduleTitle: string;
  startsAt: string;
  localDate: string;
  localStartTime: string;
  status: string;
};

/** The facilitators' screens: groups, a group's schedule, roster and attendance, a session's desk. */
describe('Facilitating groups in the web app (e2e, Chromium)', () => {
  let deployment: Deployment;
  let browser: Browser;
  let origin: string;
  let owner: TestUser;
  let therapist: TestUser;
  let orgId: string;
  let versionId: string;
  let groupId = '';

  beforeAll(async () => {
    // 1 % of a 15-minute session (9 s) makes a person present, so a test can see it happen.
    deployment = await startDeployment('web_groups', {
      env: { ATTENDANCE_PRESENT_PERCENT: '1' },
    });
    const { http } = deployment.api;
    origin = http.baseUrl.replace('/api/v1', '');
    browser = await launchChromium();
    owner = await registerUser(http, 'owner');
    ({ orgId, versionId } = await organizationWithCurriculum(http, owner, 'Riverside clinic'));
    therapist = await verifiedMember(deployment.env, http, owner, orgId, 'Rahman', 'therapist');
    await http.patch('/me', { timezone: 'Asia/Dhaka' }, therapist.accessToken);
    for (const name of ['Aster', 'Birch']) {
      await verifiedMember(deployment.env, http, owner, orgId, name, 'participant');
    }
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await deployment?.close();
  });

  /** Every screen at both sizes: the journey runs at one, the screen is checked at each. */
  const checkBoth = (page: Page, name: string, back: Size) =>
    checkBothSizes(page, `groups-${name}`, back, { warnWide: true });

  const sessionsOf = async (id: string) =>
    (await deployment.api.http.get(`/groups/${id}/sessions`, therapist.accessToken)).body
      .items as SessionItem[];

  const sessionCard = (page: Page, sequence: number) =>
    page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: new RegExp(`^Session ${sequence}:`) }) });

  it('creates a group on the CBT program through the form, enrolls members and shows the waitlist', async () => {
    const page = await openApp(browser, origin, { size: 'phone', path: '/groups' });
    await signInThroughForm(page, therapist);
    await page.getByRole('heading', { name: 'Groups I facilitate' }).waitFor();
    await page.getByText('No groups yet').waitFor();
    await checkBoth(page, 'list-empty', 'phone');

    await page.getByRole('link', { name: 'New group' }).click();
    await page.getByRole('heading', { name: 'New group' }).waitFor();
    await page.getByLabel('Name').fill('Thursday evening circle');
    await page.getByLabel('Description').fill('Eight weeks of CBT for low mood.');
    await page.getByLabel('Tags').fill('evening, Low mood');
    await expect(page.getByLabel('Program', { exact: true }).inputValue()).resolves.not.toBe('');
    expect(
      await page.getByLabel('Program', { exact: true }).locator('option').allTextContents(),
    ).toEqual([expect.stringMatching(/\(8 sessions\)$/)]);
    await page
      .getByLabel('Program version')
      .locator('option')
      .first()
      .waitFor({ state: 'attached' });
    // The zone defaults to the person's own.
    expect(await page.getByLabel('Time zone of the group').inputValue()).toBe('Asia/Dhaka');
    const first = new Date(Date.now() + 21 * 86_400_000);
    const firstDate = first.toISOString().slice(0, 10);
    await fillFirstSession(page, first, '1830');
    await page.getByLabel('Length in minutes').fill('90');
    await page.getByLabel('Seats').fill('1');
    await page.getByText('Participants may share their screen').click();
    expect(
      await page.getByRole('checkbox', { name: 'Participants may share their screen' }).isChecked(),
    ).toBe(true);
    await checkBoth(page, 'new', 'phone');
    await page.getByRole('button', { name: 'Create the group' }).click();
    await page.getByRole('heading', { name: 'Thursday evening circle' }).waitFor();
    groupId = new URL(page.url()).pathname.split('/')[2]!;
    const group = (await deployment.api.http.get(`/groups/${groupId}`, therapist.accessToken)).body;
    expect(group).toMatchObject({
      name: 'Thursday evening circle',
      tags: ['evening', 'low-mood'],
      curriculumVersionId: versionId,
      timezone: 'Asia/Dhaka',
      firstSessionDate: firstDate,
      startTime: '18:30',
      capacity: 1,
      lobbyEnabled: true,
      participantScreenShare: true,
      leadFacilitatorId: therapist.user.id,
    });
    // The schedule tab shows the eight weekly sessions, the calendar on the first one's month.
    await sessionCard(page, 8).waitFor();
    const chip = page.getByRole('link', { name: 'Session 1 at 18:30, Scheduled' });
    expect(await chip.locator('xpath=ancestor::td').getAttribute('data-date')).toBe(firstDate);
    await checkBoth(page, 'schedule', 'phone');

    await page.getByRole('tab', { name: 'Roster' }).click();
    await page.getByRole('heading', { name: 'Members (0 of 1 seats)' }).waitFor();
    await page.getByLabel('Member', { exact: true }).selectOption({ label: 'Aster' });
    await page.getByRole('button', { name: 'Enroll', exact: true }).click();
    await page.getByText('Aster has a seat.').waitFor();
    await page.getByRole('heading', { name: 'Members (1 of 1 seats)' }).waitFor();
    await page.getByLabel('Member', { exact: true }).selectOption({ label: 'Birch' });
    await page.getByRole('button', { name: 'Enroll', exact: true }).click();
    await page.getByText('The group is full: Birch is on the waitlist.').waitFor();
    const waitlist = page.getByRole('region', { name: 'Waitlist (1)' });
    await waitlist.getByText('Birch').waitFor();
    await page
      .getByText('Every participant of the organization is already in this group.')
      .waitFor();
    await checkBoth(page, 'roster', 'phone');

    // Withdrawing Aster, after a confirmation, gives Birch the seat.
    await page.getByRole('button', { name: 'Withdraw Aster' }).click();
    await page.getByRole('alertdialog', { name: 'Withdraw Aster from the group?' }).waitFor();
    await checkBoth(page, 'withdraw', 'phone');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Withdraw' }).click();
    await page.getByRole('heading', { name: 'Waitlist (0)' }).waitFor();
    await page.getByRole('region', { name: 'Members (1 of 1 seats)' }).getByText('Birch').waitFor();

    // The list of groups shows it with its seats.
    await page.getByRole('link', { name: 'All my groups' }).click();
    await page.getByRole('link', { name: 'Thursday evening circle' }).waitFor();
    await page.getByText('1 of 1 seats taken').waitFor();
    await checkBoth(page, 'list', 'phone');
  }, 120_000);

  it('moves a session, cancels one shifting the program, and changes the series time', async () => {
    const page = await openApp(browser, origin, { size: 'phone', path: `/groups/${groupId}` });
    await signInThroughForm(page, therapist);
    const before = await sessionsOf(groupId);
    const second = before[1]!;
    // Two days later at 20:15 in Dhaka.
    const target = new Date(`${second.localDate}T00:00:00Z`);
    target.setUTCDate(target.getUTCDate() + 2);
    const [ty, tm, td] = target.toISOString().slice(0, 10).split('-');
    await sessionCard(page, 2).getByRole('button', { name: 'Move' }).click();
    const move = page.getByRole('dialog', { name: 'Move session 2' });
    await move.waitFor();
    await move
      .getByRole('group', { name: 'New date and start time' })
      .getByRole('spinbutton')
      .first()
      .click();
    await page.keyboard.type(`${tm}${td}${ty}2015`);
    await checkBoth(page, 'move', 'phone');
    await move.getByRole('button', { name: 'Move the session' }).click();
    await move.waitFor({ state: 'detached' });
    const moved = page.getByRole('link', { name: 'Session 2 at 20:15, Scheduled' });
    expect(await moved.locator('xpath=ancestor::td').getAttribute('data-date')).toBe(
      `${ty}-${tm}-${td}`,
    );
    expect(await page.locator(`td[data-date="${second.localDate}"] .chip`).count()).toBe(0);
    const afterMove = await sessionsOf(groupId);
    expect(afterMove[1]).toMatchObject({ localDate: `${ty}-${tm}-${td}`, localStartTime: '20:15' });
    expect(afterMove[2]!.startsAt).toBe(before[2]!.startsAt);

    // Cancel session 3, moving the rest of the program one week on.
    await sessionCard(page, 3).getByRole('button', { name: 'Cancel session' }).click();
    const cancel = page.getByRole('alertdialog', { name: /^Cancel session 3:/ });
    await cancel.getByText(/Move the remaining modules one week later/).click();
    expect(
      await cancel.getByRole('radio', { name: /Move the remaining modules/ }).isChecked(),
    ).toBe(true);
    await cancel.getByLabel('Reason').fill('Public holiday');
    await checkBoth(page, 'cancel', 'phone');
    await cancel.getByRole('button', { name: 'Cancel the session' }).click();
    await cancel.waitFor({ state: 'detached' });
    await sessionCard(page, 9).waitFor();
    await sessionCard(page, 3).getByText('Cancelled').waitFor();
    await sessionCard(page, 3).getByText('Public holiday').waitFor();
    const afterCancel = await sessionsOf(groupId);
    expect(afterCancel).toHaveLength(9);
    expect(afterCancel[2]).toMatchObject({ status: 'cancelled', sequence: 3 });
    expect(afterCancel[3]!.moduleTitle).toBe(before[2]!.moduleTitle);
    expect(afterCancel[8]!.moduleTitle).toBe(before[7]!.moduleTitle);

    // From session 5 on, the series meets at 19:00.
    const from = page.getByLabel('From session');
    const fifth = await from.locator('option', { hasText: /^Session 5,/ }).textContent();
    await from.selectOption({ label: fifth! });
    await page
      .getByRole('group', { name: 'New start time' })
      .getByRole('spinbutton')
      .first()
      .click();
    await page.keyboard.type('1900');
    await page.getByRole('button', { name: 'Change the time' }).click();
    await page.getByText('The series has its new time.').waitFor();
    const afterSeries = await sessionsOf(groupId);
    expect(afterSeries.map((s) => s.localStartTime)).toEqual([
      '18:30',
      '20:15',
      '18:30',
      '18:30',
      '19:00',
      '19:00',
      '19:00',
      '19:00',
      '19:00',
    ]);
    await page.getByRole('link', { name: 'Session 5 at 19:00, Scheduled' }).waitFor({
      state: 'attached',
    });

    // The week view shows the week of a session.
    await page.getByRole('radio', { name: 'Week' }).click();
    await checkBoth(page, 'schedule-week', 'phone');
  }, 120_000);

  it('shows the groups in Bengali and a group in Indonesian', async () => {
    const page = await openApp(browser, origin, {
      size: 'phone',
      locale: 'bn-BD',
      path: '/groups',
    });
    await page.getByLabel('ই-মেইল').fill(therapist.email);
    await page.getByLabel('পাসওয়ার্ড').fill(therapist.password);
    await page.getByRole('button', { name: 'সাইন ইন করুন' }).click();
    await page.getByRole('heading', { name: 'যে দলগুলো আমি পরিচালনা করি' }).waitFor();
    await checkScreen(page, 'groups-list-bn');
    await page.getByLabel('ভাষা').selectOption('id');
    await page.getByRole('link', { name: 'Thursday evening circle' }).click();
    await page.getByRole('tab', { name: 'Jadwal' }).waitFor();
    await page.getByRole('button', { name: 'Bulan berikutnya' }).waitFor();
    await checkScreen(page, 'groups-schedule-id');
  }, 60_000);

  it('admits a waiting person from the session page, mutes them in the room, and keeps their attendance', async () => {
    const { http } = deployment.api;
    const { livekit } = deployment;
    // Starts within the minute and lasts 15: joining is open now.
    const live = await groupStartingIn(http, therapist, orgId, versionId, 1, {
      name: 'Live circle',
      lobbyEnabled: true,
      durationMinutes: 15,
    });
    const session = live.sessions[0]!;
    const willow = await enrolledParticipant(
      deployment.env,
      http,
      owner,
      orgId,
      live.groupId,
      'Willow',
    );
    await http.post(`/groups/${live.groupId}/consent`, { agreementVersion: 1 }, willow.accessToken);
    const room = `session-${session.id}`;
    await eventually(() => livekit.room(room), 30_000);

    const page = await openApp(browser, origin, {
      size: 'desktop',
      path: `/sessions/${session.id}`,
    });
    await signInThroughForm(page, therapist);
    await page.getByRole('heading', { name: /^Session 1:/ }).waitFor();
    await page.getByRole('heading', { name: /^Agenda \(\d+ minutes\)$/ }).waitFor();
    await page.getByText('For facilitators:').first().waitFor();
    expect(await page.getByRole('link', { name: 'Open the room' }).getAttribute('href')).toBe(
      `/sessions/${session.id}/join`,
    );
    await page.getByRole('heading', { name: 'Waiting room (0)' }).waitFor({ timeout: 20_000 });

    const asked = await http.post(`/sessions/${session.id}/join`, {}, willow.accessToken);
    expect(asked.status).toBe(202);
    expect(asked.body.status).toBe('waiting');
    await page.getByRole('heading', { name: 'Waiting room (1)' }).waitFor({ timeout: 15_000 });
    await page.getByRole('region', { name: 'Waiting room (1)' }).getByText('Willow').waitFor();
    await checkBoth(page, 'session-lobby', 'desktop');
    await page.getByRole('button', { name: 'Admit Willow' }).click();
    await page.getByRole('heading', { name: 'Waiting room (0)' }).waitFor({ timeout: 15_000 });
    const admitted = await http.post(`/sessions/${session.id}/join`, {}, willow.accessToken);
    expect(admitted.status).toBe(200);

    const client = await RtcParticipant.join(livekit.wsUrl, admitted.body.token);
    try {
      await client.publish('audio');
      await page.getByRole('heading', { name: 'In the room now (1)' }).waitFor({ timeout: 30_000 });
      await checkBoth(page, 'session-room', 'desktop');
      await page.getByRole('button', { name: 'Mute Willow' }).click();
      await page.getByText('Willow is muted.').waitFor();
      expect(await client.waitFor('trackMuted')).toMatchObject({
        identity: willow.user.id,
        local: true,
        source: 'SOURCE_MICROPHONE',
      });
      const tracks = (await livekit.participant(room, willow.user.id))!.tracks;
      expect(tracks.map((t) => t.muted)).toEqual([true]);
      // Stay until 1 % of the session has passed since it started, then leave.
      const presentAfter = Date.parse(session.startsAt) + 12_000;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, presentAfter - Date.now())));
    } finally {
      await client.leave();
    }
    await page.getByRole('heading', { name: 'In the room now (0)' }).waitFor({ timeout: 30_000 });
    const attendance = page.getByRole('region', { name: 'Attendance' });
    const willowRow = attendance.getByRole('listitem').filter({ hasText: 'Willow' });
    await willowRow.locator('.badge', { hasText: 'Present' }).waitFor({ timeout: 45_000 });

    // An override, with its reason.
    await willowRow.getByText('Change attendance of Willow').click();
    await willowRow.getByLabel('Attendance', { exact: true }).selectOption('excused');
    await willowRow.getByLabel('Reason').fill('Left for a family emergency, told us before');
    await checkBoth(page, 'session-attendance', 'desktop');
    await willowRow.getByRole('button', { name: 'Save' }).click();
    await willowRow.getByText('Saved.').waitFor();
    await willowRow.locator('.badge', { hasText: 'Excused' }).waitFor();
    await willowRow.getByText(/measured: Present/).waitFor();
    const saved = await http.get(`/sessions/${session.id}/attendance`, therapist.accessToken);
    expect(
      saved.body.items.find((i: { userId: string }) => i.userId === willow.user.id),
    ).toMatchObject({
      status: 'excused',
      computedStatus: 'present',
      override: { status: 'excused', reason: 'Left for a family emergency, told us before' },
    });

    // Ending the session for everyone closes the room.
    await page.getByRole('button', { name: 'End the session for everyone' }).click();
    await page.getByRole('alertdialog', { name: 'End the session for everyone?' }).waitFor();
    await page.getByRole('button', { name: 'End the session', exact: true }).click();
    await eventually(async () => (await livekit.room(room)) === undefined, 15_000);
    await page.getByText('Ended', { exact: true }).waitFor({ timeout: 15_000 });
    await checkBoth(page, 'session-ended', 'desktop');

    // The group's attendance matrix, and the same as a CSV file fetched with the token.
    await page.getByRole('link', { name: 'Live circle' }).click();
    await page.getByRole('tab', { name: 'Attendance' }).click();
    const matrix = page.getByRole('table');
    await matrix.getByRole('rowheader', { name: 'Willow' }).waitFor();
    await matrix
      .getByRole('row', { name: /Willow/ })
      .getByText('Excused')
      .waitFor();
    await checkBoth(page, 'attendance', 'desktop');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    expect(download.url()).toMatch(/^blob:/);
    const csv = await readFile((await download.path())!, 'utf8');
    const expected = await fetch(`${http.baseUrl}/groups/${live.groupId}/attendance?format=csv`, {
      headers: { authorization: `Bearer ${therapist.accessToken}` },
    });
    expect(csv).toBe(await expected.text());
    const rows = csv.trim().split(/\r?\n/);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^member,session 1 \(/);
    expect(rows[1]).toMatch(/^Willow,excused,/);
  }, 180_000);
});
