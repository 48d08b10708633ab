import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  insertOrganization,
  insertUser,
  libModule,
  type LibModule,
} from '../../../test/support/lib-with-queues.js';
import { QuestionsService } from './questions.service.js';
import { WebinarAccess } from './webinar-access.service.js';
import { WebinarHostsService } from './webinar-hosts.service.js';
import { WebinarReminderSender } from './webinar-reminder.sender.js';
import { WebinarsModule } from './webinars.module.js';
import { CONFIRMATION_RESEND_MINUTES, WebinarsService } from './webinars.service.js';

const MINUTE = 60_000;

describe(WebinarsService.name, () => {
  let lib: LibModule;
  let outbox: string;
  let webinars: WebinarsService;
  let questions: QuestionsService;
  let hosts: WebinarHostsService;
  let access: WebinarAccess;
  let orgId: string;
  let owner: { id: string };
  let therapist: { id: string };

  beforeAll(async () => {
    outbox = await mkdtemp(join(tmpdir(), 'hearth-webinars-'));
    lib = await libModule('webinars_lib', [WebinarsModule], { MAIL_OUTBOX_DIR: outbox });
    webinars = lib.module.get(WebinarsService);
    questions = lib.module.get(QuestionsService);
    hosts = lib.module.get(WebinarHostsService);
    access = lib.module.get(WebinarAccess);
    orgId = await insertOrganization(lib.db, 'Webinar clinic');
    owner = await insertUser(lib.db, 'owner', { organizationId: orgId, role: 'owner' });
    therapist = await insertUser(lib.db, 'therapist', { organizationId: orgId, role: 'therapist' });
  });

  afterAll(async () => {
    await lib?.close();
    await rm(outbox, { recursive: true, force: true });
  });

  const webinar = (input: { capacity?: number; startsInMinutes?: number } = {}) =>
    webinars.create(orgId, owner.id, {
      title: 'Sleep and stress',
      startsAt: new Date(
        lib.clock.millis() + (input.startsInMinutes ?? 24 * 60) * MINUTE,
      ).toISOString(),
      durationMinutes: 60,
      timezone: 'UTC',
      capacity: input.capacity ?? 10,
      qaModeration: false,
    });
  const confirmationSentAt = async (registrationId: string) =>
    (
      await lib.db.query<{ confirmation_sent_at: Date }>(
        'SELECT confirmation_sent_at FROM webinar_registrations WHERE id = $1',
        [registrationId],
      )
    ).rows[0].confirmation_sent_at;

  it('names its creator as the first host and never seats more people than its capacity', async () => {
    const { id } = await webinar({ capacity: 2 });
    expect((await hosts.list(id, { userId: owner.id })).items).toEqual([
      { userId: owner.id, displayName: 'owner' },
    ]);
    const attempts = await Promise.allSettled(
      ['a', 'b', 'c', 'd'].map((name) =>
        webinars.register(id, { email: `${name}@example.org`, displayName: name }),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(2);
    expect((await webinars.publicView(id)).seatsLeft).toBe(0);
  });

  it('re-mails the link to a repeated address at most once per interval, by the clock', async () => {
    const { id } = await webinar();
    const input = { email: 'again@example.org', displayName: 'Again' };
    const { id: registrationId } = await webinars.register(id, input);
    const first = await confirmationSentAt(registrationId);

    lib.clock.advance((CONFIRMATION_RESEND_MINUTES - 1) * MINUTE);
    await expect(webinars.register(id, input)).rejects.toMatchObject({
      code: 'already_registered',
    });
    expect(await confirmationSentAt(registrationId)).toEqual(first);

    lib.clock.advance(2 * MINUTE);
    await expect(webinars.register(id, input)).rejects.toMatchObject({
      code: 'already_registered',
    });
    expect(await confirmationSentAt(registrationId)).toEqual(lib.clock.now());
  });

  it('tells hosts, other staff, outsiders and key holders apart', async () => {
    const { id } = await webinar();
    const outsider = await insertUser(lib.db, 'outsider');
    const { accessKey } = await webinars.register(id, {
      email: 'key@example.org',
      displayName: 'Key',
    });
    expect(await access.actor(id, { userId: owner.id })).toMatchObject({ kind: 'host' });
    await expect(access.host(id, { userId: therapist.id })).rejects.toMatchObject({
      code: 'hosts_only',
    });
    await expect(access.actor(id, { userId: outsider.id })).rejects.toMatchObject({
      code: 'webinar_not_found',
    });
    expect(await access.actor(id, { accessKey })).toMatchObject({ kind: 'attendee' });
    await expect(access.actor(id, { accessKey: 'forged.key' })).rejects.toMatchObject({
      code: 'invalid_access_key',
    });
    // A key of another webinar's attendee opens nothing here.
    const other = await webinar();
    await expect(access.actor(other.id, { accessKey })).rejects.toMatchObject({
      code: 'invalid_access_key',
    });
    await expect(
      access.actor('00000000-0000-4000-8000-000000000000', { accessKey }),
    ).rejects.toMatchObject({ code: 'webinar_not_found' });

    // A named host hosts; removing them takes it back.
    await hosts.add(id, owner.id, therapist.id);
    expect(await access.actor(id, { userId: therapist.id })).toMatchObject({ kind: 'host' });
    await hosts.remove(id, owner.id, therapist.id);
    await expect(hosts.remove(id, owner.id, therapist.id)).rejects.toMatchObject({
      code: 'host_not_found',
    });
  });

  it('lets an attendee ask one question per interval and vote once per question', async () => {
    const { id } = await webinar();
    const asker = await webinars.register(id, { email: 'ask@example.org', displayName: 'Ask' });
    const voter = await webinars.register(id, { email: 'vote@example.org', displayName: 'Vote' });
    const asked = await questions.ask(id, { accessKey: asker.accessKey }, { text: 'Naps?' });
    await expect(
      questions.ask(id, { accessKey: asker.accessKey }, { text: 'And coffee?' }),
    ).rejects.toMatchObject({ code: 'rate_limited' });
    lib.clock.advance(21_000);
    await questions.ask(id, { accessKey: asker.accessKey }, { text: 'And coffee?' });

    const vote = () => questions.upvote(id, asked.id, { accessKey: voter.accessKey });
    expect(await vote()).toEqual({ id: asked.id, votes: 1, counted: true });
    expect(await vote()).toEqual({ id: asked.id, votes: 1, counted: false });
    const listed = await questions.list(id, { userId: owner.id }, { limit: 10 });
    expect(listed.items.map((q) => [q.text, q.votes, q.author])).toEqual([
      ['Naps?', 1, 'Ask'],
      ['And coffee?', 0, 'Ask'],
    ]);
  });
});

describe(WebinarReminderSender.name, () => {
  let lib: LibModule;
  let outbox: string;

  beforeAll(async () => {
    outbox = await mkdtemp(join(tmpdir(), 'hearth-webinar-reminders-'));
    lib = await libModule('webinar_reminders_lib', [WebinarsModule], { MAIL_OUTBOX_DIR: outbox });
  });

  afterAll(async () => {
    await lib?.close();
    await rm(outbox, { recursive: true, force: true });
  });

  it('sends a reminder only once it is due, and only once', async () => {
    const orgId = await insertOrganization(lib.db, 'Reminder clinic');
    const owner = await insertUser(lib.db, 'owner', { organizationId: orgId, role: 'owner' });
    const [offsetMinutes] = (
      await lib.db.query<{ offsets: number[] }>(
        'SELECT reminder_offsets_minutes AS offsets FROM organizations WHERE id = $1',
        [orgId],
      )
    ).rows[0].offsets;
    const service = lib.module.get(WebinarsService);
    const { id } = await service.create(orgId, owner.id, {
      title: 'Reminded',
      startsAt: new Date(lib.clock.millis() + (offsetMinutes + 60) * MINUTE).toISOString(),
      durationMinutes: 30,
      timezone: 'UTC',
      capacity: 5,
    });
    const { id: registrationId } = await service.register(id, {
      email: 'remind@example.org',
      displayName: 'Remind',
    });
    const sender = lib.module.get(WebinarReminderSender);
    const send = () => sender.send({ registrationId, offsetMinutes });

    expect(await send()).toBe(false); // an hour early
    lib.clock.advance(60 * MINUTE);
    expect(await send()).toBe(true);
    expect(await send()).toBe(false);
    expect((await readdir(outbox)).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
  });
});
