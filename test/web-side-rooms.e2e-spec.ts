import { remoteVideoFrames } from './support/browser.js';
import { enrolledParticipant, groupStartingIn, type TestUser } from './support/groups.js';
import { eventually } from './support/wait.js';
import { checkScreen } from './support/web.js';
import { useWebRoom } from './support/web-room.js';

/**
 * Issue 14, item 6 in the web app: the facilitator opens a private room from the session page,
 * the member accepts from inside the session room, and both see each other (Chromium with fake
 * media, the real LiveKit server); the incident record's form and list.
 */
describe('Side rooms and incidents in the web app (e2e, Chromium, real LiveKit)', () => {
  const world = useWebRoom('web_side_rooms', 'Side clinic');
  let participant: TestUser;
  let sessionId: string;

  beforeAll(async () => {
    const { env, api, livekit, therapist, orgId, versionId } = world;
    const { groupId, sessions } = await groupStartingIn(api.http, therapist, orgId, versionId, 5, {
      name: 'Evening group',
    });
    sessionId = sessions[0]!.id;
    participant = await enrolledParticipant(env, api.http, therapist, orgId, groupId, 'Anaquill');
    await eventually(() => livekit.room(`session-${sessionId}`), 30_000);
  }, 60_000);

  const signedIn = world.signedIn;

  it('lets the facilitator open a private room and the member accept it from inside the room', async () => {
    const member = await signedIn(`/sessions/${sessionId}/join`, participant, 'phone');
    await member.getByRole('button', { name: 'Join the session' }).click();
    await member.getByRole('toolbar', { name: 'Room controls' }).waitFor({ timeout: 30_000 });

    const desk = await signedIn(`/sessions/${sessionId}`, world.therapist, 'desktop');
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

    const side = (
      await world.api.http.get(`/sessions/${sessionId}/side-rooms`, world.therapist.accessToken)
    ).body.items[0];
    const room = `side-${side.id}`;
    await eventually(async () => (await world.livekit.participants(room)).length === 2, 30_000);
    // Both see each other: video frames arrive from the other side on each page.
    await eventually(async () => (await remoteVideoFrames(member)) > 0, 30_000);
    await eventually(async () => (await remoteVideoFrames(desk)) > 0, 30_000);
    await checkScreen(member, 'side-room-member');

    await desk.getByRole('button', { name: 'Close the private room' }).click();
    await member.getByText('The private conversation has ended.').waitFor({ timeout: 20_000 });
    await member.getByRole('link', { name: 'Back to the session room' }).waitFor();
    expect(await world.livekit.room(room)).toBeUndefined();
  }, 150_000);

  for (const size of ['phone', 'desktop'] as const) {
    it(`records an incident from the session page (${size})`, async () => {
      const desk = await signedIn(`/sessions/${sessionId}`, world.therapist, size);
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
      const list = (
        await world.api.http.get(`/sessions/${sessionId}/incidents`, world.therapist.accessToken)
      ).body.items;
      expect(list.at(-1)).toMatchObject({
        kind: 'conduct',
        userId: participant.user.id,
        actionsTaken: 'Paused the exercise; spoke after.',
      });
    }, 60_000);
  }
});
