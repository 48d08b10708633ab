import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bootLibModule,
  type LibTestModule,
  seedOrganization,
  seedUser,
} from '../../../test/support/lib-module.js';
import { QuestionsService } from './questions.service.js';
import { WebinarAccess } from './webinar-access.service.js';
import { WebinarHostsService } from './webinar-hosts.service.js';
import { WebinarReminderSender } from './webinar-reminder.sender.js';
import { WebinarsModule } from './webinars.module.js';
import { CONFIRMATION_RESEND_MINUTES, WebinarsService } from './webinars.service.js';

const MINUTE = 60_000;

describe(WebinarsService.name, () => {
  let lib: LibTestModule;
  let outbox: string;
  let webinars: WebinarsService;
  let questions: QuestionsService;
  let hosts: WebinarHostsService;
  let access: WebinarAccess;
  let orgId: string;
  let owner: string;
  let therapist: string;

  beforeAll(async () => {
    outbox = await mkdtemp(join(tmpdir(), 'hearth-webinars-'));
    lib = await bootLibModule('webinars_lib', [WebinarsModule], {
      queues: 'real',
      env: { MAIL_OUTBOX_DIR: outbox },
    });
    webinars = lib.get(WebinarsService);
    questions = lib.get(QuestionsService);
    hosts = lib.get(WebinarHostsService);
    access = lib.get(WebinarAccess);
    const org = await seedOrganization(lib.dataSource, 'Webinar clinic');
    orgId = org.organizationId;
    owner = await org.member('owner', 'owner');
    therapist = await org.member('therapist', 'therapist');
  });

  afterAll(async () => {
    await lib?.close();
    await rm(outbox, { recursive: true, force: true });
  });

  const webinar = (input: { capacity?: number; startsInMinutes?: number } = {}) =>
    webinars.create(orgId, owner, {
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
      await lib.dataSource.query<{ confirmation_sent_at: Date }[]>(
        'SELECT confirmation_sent_at FROM webinar_registrations WHERE id = $1',
        [registrationId],
      )
    )[0].confirmation_sent_at;

  it('names its creator as the first host and never seats more people than its capacity', async () => {
    const { id } = await webinar({ capacity: 2 });
    expect((await hosts.list(id, { userId: owner })).items).toEqual([
      { userId: owner, displayName: 'owner' },
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
    const outsider = await seedUser(lib.dataSource, 'outsider');
    const { accessKey } = await webinars.register(id, {
      email: 'key@example.org',
      displayName: 'Key',
    });
    expect(await access.actor(id, { userId: owner })).toMatchObject({ kind: 'host' });
    await expect(access.host(id, { userId: therapist })).rejects.toMatchObject({
      code: 'hosts_only',
    });
    await expect(access.actor(id, { userId: outsider })).rejects.toMatchObject({
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
    await hosts.add(id, owner, therapist);
    expect(await access.actor(id, { userId: therapist })).toMatchObject({ kind: 'host' });
    await hosts.remove(id, owner, therapist);
    await expect(hosts.remove(id, owner, therapist)).rejects.toMatchObject({
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
    const listed = await questions.list(id, { userId: owner }, { limit: 10 });
    expect(listed.items.map((q) => [q.text, q.votes, q.author])).toEqual([
      ['Naps?', 1, 'Ask'],
      ['And coffee?', 0, 'Ask'],
    ]);
  });
});

describe(WebinarReminderSender.name, () => {
  let lib: LibTestModule;
  let outbox: string;

  beforeAll(async () => {
    outbox = await mkdtemp(join(tmpdir(), 'hearth-webinar-reminders-'));
    lib = await bootLibModule('webinar_reminders_lib', [WebinarsModule], {
      queues: 'real',
      env: { MAIL_OUTBOX_DIR: outbox },
    });
  });

  afterAll(async () => {
    await lib?.close();
    await rm(outbox, { recursive: true, force: true });
  });

  it('sends a reminder only once it is due, and only once', async () => {
    const org = await seedOrganization(lib.dataSource, 'Reminder clinic');
    const owner = await org.member('owner', 'owner');
    const [offsetMinutes] = (
      await lib.dataSource.query<{ offsets: number[] }[]>(
        'SELECT reminder_offsets_minutes AS offsets FROM organizations WHERE id = $1',
        [org.organizationId],
      )
    )[0].offsets;
    const service = lib.get(WebinarsService);
    const { id } = await service.create(org.organizationId, owner, {
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
    const sender = lib.get(WebinarReminderSender);
    const send = () => sender.send({ registrationId, offsetMinutes });

    expect(await send()).toBe(false); // an hour early
    lib.clock.advance(60 * MINUTE);
    expect(await send()).toBe(true);
    expect(await send()).toBe(false);
    expect((await readdir(outbox)).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
  });
});
