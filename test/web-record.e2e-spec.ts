import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { type Deployment, startDeployment } from './support/deployment.js';
import {
  dateSeats,
  enrolledParticipant,
  groupStartingIn,
  organizationWithCurriculum,
  type TestUser,
  verifiedMember,
} from './support/groups.js';
import { registerUser } from './support/hearth.js';
import {
  checkBothSizes,
  checkScreen,
  openApp,
  signInThroughForm,
  type Size,
} from './support/web.js';

type GroupSession = { id: string; sequence: number; moduleTitle: string; startsAt: string };

const REFLECTION = 'The evening walk helped more than I expected; Sunday was still hard.';
const THEMES = 'Noticing the first signs of a low day, and what helps.';
const ASTER_NOTE = 'Aster spoke for the first time and named a trigger: Sunday evenings.';
const BIRCH_NOTE = 'Birch arrived late, listened, and agreed to try the mood diary.';
const ADDENDUM = 'After the session Birch wrote that the diary felt like a good start.';

/** Issue 14 in the web app: session notes, homework and the audit log, in Chromium. */
describe('The clinical record in the web app (e2e, Chromium)', () => {
  let deployment: Deployment;
  let browser: Browser;
  let origin: string;
  let owner: TestUser;
  let therapist: TestUser;
  let admin: TestUser;
  let aster: TestUser;
  let birch: TestUser;
  let orgId: string;
  let sessions: GroupSession[];

  beforeAll(async () => {
    deployment = await startDeployment('web_record', { worker: false });
    const { http } = deployment.api;
    origin = http.baseUrl.replace('/api/v1', '');
    browser = await launchChromium();
    owner = await registerUser(http, 'Owner');
    let versionId: string;
    ({ orgId, versionId } = await organizationWithCurriculum(http, owner, 'Riverside clinic'));
    therapist = await verifiedMember(deployment.env, http, owner, orgId, 'Rahman', 'therapist');
    admin = await verifiedMember(deployment.env, http, owner, orgId, 'Dewi', 'admin');
    // Session 1 was a week ago, session 2 started an hour ago: both have given homework.
    const group = await groupStartingIn(http, therapist, orgId, versionId, -(7 * 24 * 60 + 60), {
      name: 'Tuesday mood group',
    });
    aster = await enrolledParticipant(deployment.env, http, owner, orgId, group.groupId, 'Aster');
    // Facilitators read the legal name beside the alias; other members never do.
    await http.patch('/me', { legalName: 'Astrid Holm' }, aster.accessToken);
    birch = await enrolledParticipant(deployment.env, http, owner, orgId, group.groupId, 'Birch');
    // Both held their seats before the first session: its homework is theirs too.
    await dateSeats(deployment.env, group.groupId, new Date(Date.now() - 30 * 24 * 3_600_000));
    sessions = (await http.get(`/groups/${group.groupId}/sessions`, therapist.accessToken)).body
      .items;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await deployment?.close();
  });

  const notesOf = async (i: number) =>
    (await deployment.api.http.get(`/sessions/${sessions[i]!.id}/notes`, therapist.accessToken))
      .body;

  /** The screen at both sizes: the journey runs at one, the screen is checked at each. */
  const checkBoth = (page: Page, name: string, back: Size) =>
    checkBothSizes(page, `record-${name}`, back);

  /** The same screen in Bengali and Indonesian (the layout's language menu), then English again. */
  async function checkLanguages(page: Page, name: string, heading: Record<'bn' | 'id', string>) {
    for (const language of ['bn', 'id'] as const) {
      await page.locator('.language select').selectOption(language);
      await page.getByRole('heading', { name: heading[language], exact: true }).first().waitFor();
      await checkScreen(page, `record-${name}-${language}`);
    }
    await page.locator('.language select').selectOption('en');
  }

  it('lets a facilitator write the group note from its template and a member note, sign, and add an addendum', async () => {
    const { http } = deployment.api;
    const session = sessions[1]!;
    const page = await openApp(browser, origin, {
      size: 'desktop',
      path: `/sessions/${session.id}`,
    });
    await signInThroughForm(page, therapist);
    const notes = page.getByRole('region', { name: 'Session notes' });
    await notes.getByText('Draft', { exact: true }).waitFor();
    await notes
      .getByText("Only this group's facilitators and the organization's owners and admins")
      .waitFor();

    // The group note starts from the template, with attendance filled in from the record.
    const groupNote = notes.getByRole('textbox', { name: 'Group note' });
    const template = await groupNote.inputValue();
    expect(template.split('\n')).toEqual(
      expect.arrayContaining([
        'Attendance',
        'Absent: Aster, Birch',
        'Themes',
        'Interventions',
        'Group process',
        'Plan',
      ]),
    );
    await checkBoth(page, 'notes-draft', 'desktop');
    await checkLanguages(page, 'notes-draft', { bn: 'সেশনের নোট', id: 'Catatan sesi' });

    const written = template.replace('Themes\n', `Themes\n${THEMES}\n`);
    await groupNote.fill(written);
    await notes.getByText('Not saved yet').first().waitFor();
    await notes.getByRole('button', { name: 'Save: Group note' }).click();
    await notes
      .getByRole('form', { name: 'Group note' })
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    expect((await notesOf(1)).group.content).toBe(written);

    await notes.getByRole('textbox', { name: 'Note about Aster (Astrid Holm)' }).fill(ASTER_NOTE);
    await notes.getByRole('button', { name: 'Save: Note about Aster (Astrid Holm)' }).click();
    await notes
      .getByRole('form', { name: 'Note about Aster (Astrid Holm)' })
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    expect(
      (await notesOf(1)).members.find((m: { userId: string }) => m.userId === aster.user.id)
        .content,
    ).toBe(ASTER_NOTE);

    // Birch's note is typed but not saved: signing saves it first, then locks everything.
    await notes.getByRole('textbox', { name: 'Note about Birch' }).fill(BIRCH_NOTE);
    await notes.getByRole('button', { name: 'Sign and lock the notes' }).click();
    const dialog = page.getByRole('alertdialog', { name: "Sign and lock this session's notes?" });
    await dialog.getByText('Your unsaved changes are saved first.').waitFor();
    await checkBoth(page, 'notes-sign', 'desktop');
    await dialog.getByRole('button', { name: 'Sign and lock' }).click();
    await notes.getByText('Signed', { exact: true }).waitFor();
    await notes.getByText(/You signed these notes on /).waitFor();
    expect(await notes.getByRole('textbox', { name: 'Group note' }).count()).toBe(0);
    await notes.getByText(THEMES).waitFor();
    await notes.getByText(BIRCH_NOTE).waitFor();

    const signed = await notesOf(1);
    expect(signed.group.signedAt).toEqual(expect.any(String));
    expect(signed.group.signedById).toBe(therapist.user.id);
    expect(signed.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: aster.user.id, content: ASTER_NOTE }),
        expect.objectContaining({ userId: birch.user.id, content: BIRCH_NOTE }),
      ]),
    );
    const locked = await http.put(
      `/sessions/${session.id}/notes/group`,
      { content: 'A change after signing' },
      therapist.accessToken,
    );
    expect([locked.status, locked.body.code]).toEqual([409, 'note_signed']);

    // Later text goes in a dated addendum, here to Birch's note.
    const birchNote = notes.getByRole('article', { name: 'Note about Birch' });
    await birchNote.getByText('Add an addendum: Note about Birch').click();
    await birchNote.getByRole('textbox', { name: 'Addendum' }).fill(ADDENDUM);
    await birchNote.getByRole('button', { name: 'Add the addendum' }).click();
    await birchNote.getByText('Addendum added.').waitFor();
    const addenda = birchNote.getByRole('list', { name: 'Addenda to: Note about Birch' });
    await addenda.getByText(ADDENDUM).waitFor();
    await addenda.getByText(/^Addendum by you, /).waitFor();
    const after = await notesOf(1);
    expect(
      after.members.find((m: { userId: string }) => m.userId === birch.user.id).addenda,
    ).toEqual([
      {
        id: expect.any(String),
        content: ADDENDUM,
        authorId: therapist.user.id,
        createdAt: expect.any(String),
      },
    ]);
    // The notes themselves are as signed.
    expect(after.members.find((m: { userId: string }) => m.userId === birch.user.id).content).toBe(
      BIRCH_NOTE,
    );
    await checkBoth(page, 'notes-signed', 'desktop');
    await checkLanguages(page, 'notes-signed', { bn: 'সেশনের নোট', id: 'Catatan sesi' });
  }, 120_000);

  it('lets a participant mark homework done with a reflection on a phone, which the facilitator then reads on the session page', async () => {
    const { http } = deployment.api;
    const [first, second] = sessions as [GroupSession, GroupSession];
    const page = await openApp(browser, origin, { size: 'phone', path: '/' });
    await signInThroughForm(page, aster);

    // Home shows what is left, one tap from the homework.
    const card = page.getByRole('region', { name: 'Homework' });
    await card.getByText('You have homework to do from 2 sessions.').waitFor();
    await checkBoth(page, 'home', 'phone');
    await checkLanguages(page, 'home', { bn: 'বাড়ির কাজ', id: 'Pekerjaan rumah' });
    await card.getByRole('link', { name: 'Open my homework' }).click();
    await page.getByRole('heading', { name: 'Homework', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/homework');

    // The latest session first, each with its tasks and when it is for.
    const items = page.getByRole('article');
    await items.first().waitFor();
    expect(await items.getByRole('heading').allTextContents()).toEqual([
      second.moduleTitle,
      first.moduleTitle,
    ]);
    const latest = page.getByRole('article', { name: second.moduleTitle });
    await latest.getByText(/^For your next session, /).waitFor();
    // Session 1's was for today's session, which has begun: still open, said kindly.
    await page
      .getByRole('article', { name: first.moduleTitle })
      .getByText(/^It was for the session on .*You can still do it and mark it done\.$/)
      .waitFor();
    expect(await latest.getByRole('listitem').count()).toBeGreaterThan(0);
    // Who reads the reflection is said before it is written.
    const reflection = latest.getByRole('textbox', { name: 'Your reflection (if you like)' });
    expect(await reflection.getAttribute('aria-describedby')).toBeTruthy();
    await latest
      .getByText(
        "Only your group's facilitators read it. Other members never see it, and it is not shown here again.",
      )
      .waitFor();
    await checkBoth(page, 'homework', 'phone');
    await checkLanguages(page, 'homework', { bn: 'বাড়ির কাজ', id: 'Pekerjaan rumah' });

    await reflection.fill(REFLECTION);
    await latest.getByRole('button', { name: `Mark as done: ${second.moduleTitle}` }).click();
    await latest
      .getByRole('status')
      .getByText('Marked as done. Your facilitators will read your reflection.', { exact: false })
      .waitFor();
    await latest.getByText(/^Done on /).waitFor();
    expect(await latest.getByRole('textbox').count()).toBe(0);
    await checkBoth(page, 'homework-done', 'phone');
    const mine = (await http.get('/me/homework', aster.accessToken)).body.items as {
      sessionId: string;
      completedAt: string | null;
    }[];
    expect(mine.map((h) => [h.sessionId, h.completedAt !== null])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
    // Back home, one session's homework is left.
    await page.getByRole('link', { name: 'Home', exact: true }).first().click();
    await page.getByText('You have homework to do from one session.').waitFor();

    // The facilitator reads completion and the reflection on the session page.
    const desk = await openApp(browser, origin, {
      size: 'desktop',
      path: `/sessions/${second.id}`,
    });
    await signInThroughForm(desk, therapist);
    const homework = desk.getByRole('region', { name: 'Homework from this session' });
    await homework.getByText('1 of 2 members done').waitFor();
    const asterRow = homework.getByRole('listitem').filter({ hasText: 'Aster' });
    await asterRow.getByText('Aster (Astrid Holm)', { exact: true }).waitFor();
    await asterRow.getByText(/^Done /).waitFor();
    await asterRow.getByText(REFLECTION).waitFor();
    await homework
      .getByRole('listitem')
      .filter({ hasText: 'Birch' })
      .getByText('Not yet', { exact: true })
      .waitFor();
    // And, while this session is on, how the one before went.
    const before = desk.getByRole('region', { name: 'Homework from session 1' });
    await before.getByText('0 of 2 members done').waitFor();
    await checkBoth(desk, 'session-homework', 'desktop');
    await checkLanguages(desk, 'session-homework', {
      bn: 'এই সেশনের বাড়ির কাজ',
      id: 'Pekerjaan rumah dari sesi ini',
    });

    // Another participant opens the same session page: no notes, no homework of others.
    const other = await openApp(browser, origin, { size: 'phone', path: `/sessions/${second.id}` });
    await signInThroughForm(other, birch);
    await other.getByRole('heading', { name: new RegExp(`^Session 2:`) }).waitFor();
    expect(await other.getByRole('region', { name: 'Session notes' }).count()).toBe(0);
    expect(await other.getByText(REFLECTION).count()).toBe(0);
    expect(await other.getByText('Astrid Holm').count()).toBe(0);
  }, 120_000);

  it('lets an admin read the audit log, filter it by person and download it as CSV', async () => {
    const { http } = deployment.api;
    const page = await openApp(browser, origin, { size: 'desktop', path: '/organization' });
    await signInThroughForm(page, admin);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    const entries = page.getByRole('list', { name: 'Entries' });
    await entries.getByRole('listitem').first().waitFor();
    // The facilitator's reading of the notes, by name, as plain words.
    await entries
      .getByRole('listitem')
      .filter({ hasText: 'Rahman' })
      .filter({ hasText: 'Session notes' })
      .first()
      .waitFor();
    await checkBoth(page, 'audit', 'desktop');
    await checkLanguages(page, 'audit', { bn: 'অডিট লগ', id: 'Log audit' });

    // About one person: Aster.
    await page
      .getByLabel('About whom')
      .selectOption({ label: `Aster (${aster.email.toLowerCase()})` });
    await page.waitForURL((url) => url.searchParams.get('person') === aster.user.id);
    const expected = (
      await http.get(
        `/organizations/${orgId}/audit?subjectUserId=${aster.user.id}&limit=200`,
        admin.accessToken,
      )
    ).body.items as { action: string; resourceType: string; actorId: string }[];
    expect(expected.length).toBeGreaterThan(3);
    await page.getByText(`${expected.length} entries`, { exact: true }).waitFor();
    const rows = entries.getByRole('listitem');
    expect(await rows.count()).toBe(expected.length);
    for (const row of await rows.all()) {
      expect(await row.getByRole('definition').nth(4).textContent()).toBe('Aster');
    }
    // Aster's own completion of homework, and the facilitator's member note about her.
    await rows.filter({ hasText: 'Aster' }).filter({ hasText: 'Homework' }).first().waitFor();
    await rows.filter({ hasText: 'Rahman' }).filter({ hasText: 'Member note' }).first().waitFor();
    await checkBoth(page, 'audit-person', 'desktop');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the entries about Aster as CSV' }).click(),
    ]);
    expect(download.url()).toMatch(/^blob:/);
    expect(download.suggestedFilename()).toBe('audit-Aster.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    const file = await fetch(
      `${http.baseUrl}/organizations/${orgId}/audit?subjectUserId=${aster.user.id}&limit=200&format=csv`,
      { headers: { authorization: `Bearer ${admin.accessToken}` } },
    );
    expect(csv).toBe(await file.text());
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('at,actorId,action,resourceType,resourceId,subjectUserId');
    expect(lines).toHaveLength(expected.length + 1);
    expect(lines.slice(1).every((line) => line.endsWith(`,${aster.user.id}`))).toBe(true);

    // A therapist is not shown the log.
    const staff = await openApp(browser, origin, { size: 'phone', path: '/organization/audit' });
    await signInThroughForm(staff, therapist);
    await staff
      .getByText('Only the owners and admins of an organization read its audit log.')
      .waitFor();
  }, 120_000);
});
