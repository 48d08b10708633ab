import { join } from 'node:path';
import pg from 'pg';
import { TokenVerifier } from 'livekit-server-sdk';
import type { Page } from 'playwright-core';
import { registerUser } from './support/hearth.js';
import type { TestUser } from './support/groups.js';
import { eventually } from './support/wait.js';
import { checkScreen, type Size } from './support/web.js';
import { useWebRoom } from './support/web-room.js';

/** livekit-client's browser bundle (its package exports do not name the file). */
const LIVEKIT_CLIENT = join(
  import.meta.dirname,
  '..',
  'node_modules',
  'livekit-client',
  'dist',
  'livekit-client.umd.js',
);

/**
 * Chat in the session room (LiveKit data messages, the standard chat topic): facilitators switch it
 * off and on live, the server then refuses a participant's messages, and Hearth stores none of it.
 */
describe('Chat in the session room (e2e, Chromium, real LiveKit)', () => {
  const world = useWebRoom('web_room_chat', 'Chat clinic', 'mbct-8');

  const verify = (token: string) =>
    new TokenVerifier(world.livekit.apiKey, world.livekit.apiSecret).verify(token);
  const join = (sessionId: string, user: TestUser) =>
    world.api.http.post(`/sessions/${sessionId}/join`, {}, user.accessToken);
  const setChat = (sessionId: string, body: unknown, user: TestUser = world.therapist) =>
    world.api.http.request('PUT', `/sessions/${sessionId}/chat`, { body, token: user.accessToken });

  it('lets only facilitators switch the chat, and the join answer and tokens follow the switch', async () => {
    const { sessionId, members } = await world.sessionWith(['Aster']);
    const [aster] = members as [TestUser];
    const stranger = await registerUser(world.api.http, 'stranger');

    expect((await setChat(sessionId, { enabled: false }, aster)).status).toBe(403);
    expect((await setChat(sessionId, { enabled: false }, stranger)).status).toBe(404);
    const bad = await setChat(sessionId, { enabled: 'no' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('enabled');
    expect((await setChat(sessionId, {})).status).toBe(400);

    const before = await join(sessionId, aster);
    expect(before.body).toMatchObject({ status: 'admitted', role: 'participant', chat: true });
    expect((await verify(before.body.token)).video?.canPublishData).toBe(true);

    const off = await setChat(sessionId, { enabled: false });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ sessionId, enabled: false });
    const during = await join(sessionId, aster);
    expect(during.body).toMatchObject({ role: 'participant', chat: false });
    expect((await verify(during.body.token)).video?.canPublishData).toBe(false);
    // Facilitators keep sending data whatever the switch says.
    const facilitator = await join(sessionId, world.therapist);
    expect(facilitator.body).toMatchObject({ role: 'facilitator', chat: false });
    expect((await verify(facilitator.body.token)).video?.canPublishData).toBe(true);
    // The open room's metadata tells every client at once.
    expect(JSON.parse((await world.livekit.room(`session-${sessionId}`))!.metadata)).toEqual({
      chat: false,
    });

    expect((await setChat(sessionId, { enabled: true })).body).toEqual({
      sessionId,
      enabled: true,
    });
    const after = await join(sessionId, aster);
    expect(after.body.chat).toBe(true);
    expect((await verify(after.body.token)).video?.canPublishData).toBe(true);
  }, 60_000);

  it('applies the switch as it is when someone connects with a token minted before it changed, and refuses it once the session is over', async () => {
    const { sessionId, members, room } = await world.sessionWith(['Cedar', 'Dune']);
    const [cedar, dune] = members as [TestUser, TestUser];
    const canPublishData = async (user: TestUser) =>
      (await world.livekit.participant(room, user.user.id))?.permission?.canPublishData;

    // Cedar's token came while chat was on; the facilitator switched it off before Cedar connected.
    const whileOn = await join(sessionId, cedar);
    expect((await verify(whileOn.body.token)).video?.canPublishData).toBe(true);
    expect((await setChat(sessionId, { enabled: false })).status).toBe(200);
    const lateCedar = await rawClient(sessionId, cedar, whileOn.body);
    // On arrival (the participant_joined webhook) the server takes the permission the token gave.
    await eventually(async () => (await canPublishData(cedar)) === false, 20_000);
    await eventually(async () => (await lateCedar.canPublishData()) === false, 15_000);
    const cedarNow = (await world.livekit.participant(room, cedar.user.id))!;
    expect(cedarNow.permission).toMatchObject({ canPublish: true, canSubscribe: true });

    // The other way: Dune's token came while chat was off, and it is on again by the time Dune
    // connects; the arrival gives Dune what the switch says now.
    const whileOff = await join(sessionId, dune);
    expect((await verify(whileOff.body.token)).video?.canPublishData).toBe(false);
    expect((await setChat(sessionId, { enabled: true })).status).toBe(200);
    await rawClient(sessionId, dune, whileOff.body);
    await eventually(async () => (await canPublishData(dune)) === true, 20_000);
    // Cedar, connected when it went back on, got it back from the switch itself.
    await eventually(async () => (await canPublishData(cedar)) === true, 15_000);

    // Switching to what it already is answers the same, and changes nothing.
    const again = await setChat(sessionId, { enabled: true });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ sessionId, enabled: true });
    expect(JSON.parse((await world.livekit.room(room))!.metadata)).toEqual({ chat: true });

    // Two switches at once (co-facilitators): once both answered, the room is as stored.
    await Promise.all(
      [false, true, false, true, false].map((enabled) => setChat(sessionId, { enabled })),
    );
    const stored = (await join(sessionId, cedar)).body.chat as boolean;
    expect(JSON.parse((await world.livekit.room(room))!.metadata)).toEqual({ chat: stored });
    expect(await canPublishData(dune)).toBe(stored);
    expect(await canPublishData(cedar)).toBe(stored);

    // Once the session is over there is no room to switch: a 409 the web app translates.
    expect(
      (await world.api.http.post(`/sessions/${sessionId}/end`, {}, world.therapist.accessToken))
        .status,
    ).toBe(200);
    const ended = await setChat(sessionId, { enabled: false });
    expect(ended.status).toBe(409);
    expect(ended.body).toMatchObject({ code: 'session_not_running' });
  }, 90_000);

  /** A signed-in page on the session's join address, in the room once joined. */
  async function inRoom(sessionId: string, user: TestUser, size: Size) {
    const page = await world.signedIn(`/sessions/${sessionId}/join`, user, size);
    await page.getByRole('button', { name: 'Join the session' }).click();
    await page.getByRole('toolbar', { name: 'Room controls' }).waitFor({ timeout: 30_000 });
    return page;
  }

  /** The join answer of someone admitted at once. */
  async function admitted(sessionId: string, user: TestUser) {
    const answer = await join(sessionId, user);
    expect(answer.status).toBe(200);
    return answer.body as { serverUrl: string; token: string };
  }

  /**
   * A member's own LiveKit connection, made with livekit-client outside the room's screens: what a
   * modified client could send, whatever the app shows. `minted` is a join answer from earlier.
   */
  async function rawClient(
    sessionId: string,
    user: TestUser,
    minted?: { serverUrl: string; token: string },
  ) {
    // A page of Hearth's own origin (so the browser lets it reach the loopback server), with
    // livekit-client added beside the app.
    const context = await world.browser.newContext({ bypassCSP: true });
    world.contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${world.origin}/`);
    await page.addScriptTag({ path: LIVEKIT_CLIENT });
    const answer = minted ?? (await admitted(sessionId, user));
    await page.evaluate(
      async ({ url, token }) => {
        const { Room } = (globalThis as any).LivekitClient;
        const room = new Room();
        await room.connect(url, token);
        (globalThis as any).room = room;
      },
      { url: answer.serverUrl, token: answer.token },
    );
    return {
      canPublishData: () =>
        page.evaluate(() => (globalThis as any).room.localParticipant.permissions?.canPublishData),
      /** Sends on the standard chat topic, as the room's chat does; a refusal is swallowed. */
      say: (text: string) =>
        page.evaluate(async (message) => {
          try {
            await (globalThis as any).room.localParticipant.sendText(message, { topic: 'lk.chat' });
          } catch {
            // The server drops it anyway; whether the client knows first does not matter here.
          }
        }, text),
    };
  }

  const chatLog = (page: Page) => page.getByRole('log', { name: 'Chat with the group' });
  const entry = (page: Page, text: string) =>
    chatLog(page).getByRole('listitem').filter({ hasText: text });
  const setLanguage = (page: Page, code: 'en' | 'bn' | 'id') =>
    page.getByLabel(/Language|ভাষা|Bahasa/).selectOption(code);

  /** Every table of the deployment's database, searched for the text in any column. */
  async function storedAnywhere(text: string): Promise<string[]> {
    const client = new pg.Client({ connectionString: world.env.database.url });
    await client.connect();
    try {
      const tables = await client.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      );
      const found: string[] = [];
      for (const { name } of tables.rows) {
        const hit = await client.query(
          `SELECT 1 FROM "${name.replaceAll('"', '""')}" t WHERE t::text LIKE $1 LIMIT 1`,
          [`%${text}%`],
        );
        if (hit.rowCount) found.push(name);
      }
      return found;
    } finally {
      await client.end();
    }
  }

  it('carries messages by alias, stops a member sending when switched off, and stores nothing', async () => {
    const { sessionId, members, room } = await world.sessionWith(['Aster', 'Birch']);
    const [aster, birch] = members as [TestUser, TestUser];
    const facilitator = await inRoom(sessionId, world.therapist, 'desktop');
    const member = await inRoom(sessionId, aster, 'phone');

    // The member writes; the facilitator's Chat button counts it, and the panel names the alias.
    await member.getByRole('button', { name: 'Chat', exact: true }).click();
    await member.getByText('Chat is not saved.', { exact: false }).waitFor();
    await member.getByLabel('Message').fill('Hello from Aster, 7c1e');
    await member.getByRole('button', { name: 'Send' }).click();
    await entry(member, 'Hello from Aster, 7c1e').waitFor();
    await checkScreen(member, 'room-chat-phone');

    await facilitator
      .getByRole('button', { name: 'Chat 1 new message' })
      .waitFor({ timeout: 15_000 });
    await checkScreen(facilitator, 'room-chat-unread-desktop');
    await facilitator.getByRole('button', { name: /^Chat/ }).click();
    const said = entry(facilitator, 'Hello from Aster, 7c1e');
    await said.waitFor({ timeout: 15_000 });
    expect(await said.locator('.chat-sender').textContent()).toBe('Aster');
    expect(await chatLog(facilitator).textContent()).not.toContain(aster.user.id);
    await checkScreen(facilitator, 'room-chat-facilitator-desktop');

    // Another member's own connection: its chat message arrives while chat is on.
    const raw = await rawClient(sessionId, birch);
    await facilitator.locator('.lk-participant-tile').filter({ hasText: 'Birch' }).waitFor();
    await raw.say('Birch while on, 7c1e');
    await entry(facilitator, 'Birch while on, 7c1e').waitFor({ timeout: 15_000 });
    expect(await entry(facilitator, 'Birch while on').locator('.chat-sender').textContent()).toBe(
      'Birch',
    );

    // Off: the member's composer goes at once, the server takes their permission to send data.
    await facilitator.getByText('Allow chat').click();
    await member.getByText('The facilitator has turned the chat off.').waitFor({ timeout: 15_000 });
    await member.getByLabel('Message').waitFor({ state: 'detached' });
    await facilitator.getByText('The chat is off for everyone.', { exact: false }).waitFor();
    expect(await facilitator.getByRole('switch', { name: 'Allow chat' }).isChecked()).toBe(false);
    await eventually(
      async () =>
        (await world.livekit.participant(room, aster.user.id))?.permission?.canPublishData ===
        false,
      15_000,
    );
    // Their other grants are as they were.
    const asterNow = (await world.livekit.participant(room, aster.user.id))!;
    expect(asterNow.permission).toMatchObject({ canPublish: true, canSubscribe: true });
    expect(asterNow.tracks.length).toBe(2);
    expect(
      (await world.livekit.participant(room, world.therapist.user.id))?.permission?.canPublishData,
    ).toBe(true);
    expect(JSON.parse((await world.livekit.room(room))!.metadata)).toEqual({ chat: false });
    await checkScreen(member, 'room-chat-off-phone');
    await checkScreen(facilitator, 'room-chat-off-desktop');

    // A message sent anyway from a member's connection is refused by the server: nobody gets it.
    await eventually(async () => (await raw.canPublishData()) === false, 15_000);
    await raw.say('Birch while off, 7c1e');
    await facilitator.waitForTimeout(3_000);

    // On again: the composer is back and messages flow; the one sent while off never arrives.
    await facilitator.getByText('Allow chat').click();
    await member.getByLabel('Message').waitFor({ timeout: 15_000 });
    await eventually(async () => (await raw.canPublishData()) === true, 15_000);
    await raw.say('Birch after, 7c1e');
    await entry(facilitator, 'Birch after, 7c1e').waitFor({ timeout: 15_000 });
    await entry(member, 'Birch after, 7c1e').waitFor({ timeout: 15_000 });
    expect(await entry(facilitator, 'Birch while off').count()).toBe(0);
    expect(await entry(member, 'Birch while off').count()).toBe(0);
    await member.getByLabel('Message').fill('Back again, 7c1e');
    await member.getByRole('button', { name: 'Send' }).click();
    await entry(facilitator, 'Back again, 7c1e').waitFor({ timeout: 15_000 });

    // Hearth never had any of it: no table holds a word of the chat.
    expect(await storedAnywhere('7c1e')).toEqual([]);
    expect(await storedAnywhere('Hello from Aster')).toEqual([]);

    // The same screens in Bengali and Indonesian, on the phone and on the desktop.
    for (const [code, chat, off] of [
      ['bn', 'চ্যাট', 'ফ্যাসিলিটেটর চ্যাট বন্ধ করে দিয়েছেন।'],
      ['id', 'Obrolan', 'Fasilitator telah menonaktifkan obrolan.'],
    ] as const) {
      await member
        .getByRole('button', { name: /^(Close the chat|চ্যাট বন্ধ করুন|Tutup obrolan)$/ })
        .click();
      await setLanguage(member, code);
      await setLanguage(facilitator, code);
      await member.getByRole('button', { name: chat, exact: true }).click();
      await checkScreen(member, `room-chat-${code}-phone`);
      await checkScreen(facilitator, `room-chat-${code}-desktop`);
      await facilitator.locator('.chat-switch .react-aria-Switch').click();
      await member.getByText(off).waitFor({ timeout: 15_000 });
      await checkScreen(member, `room-chat-off-${code}-phone`);
      await checkScreen(facilitator, `room-chat-off-${code}-desktop`);
      await facilitator.locator('.chat-switch .react-aria-Switch').click();
      await member.getByRole('textbox').waitFor({ timeout: 15_000 });
    }
  }, 240_000);
});
