import { randomUUID } from 'node:crypto';
import {
  bootLibModule,
  type LibTestModule,
  seedOrganization,
} from '../../../test/support/lib-module.js';
import { WebinarRepository, WebinarsService } from '#webinars';
import { AttendanceModule } from './attendance.module.js';
import { AttendanceService } from './attendance.service.js';
import { WebinarAttendanceService } from './webinar-attendance.service.js';

const MINUTE = 60_000;

/** Webinar attendance from stored webhooks, computed on the clock, stored by the webinars lib. */
describe(WebinarAttendanceService.name, () => {
  let lib: LibTestModule;

  beforeAll(async () => {
    lib = await bootLibModule('attendance_lib', [AttendanceModule], { queues: 'real' });
  });

  afterAll(async () => {
    await lib?.close();
  });

  it('counts an attendee still in the room up to the clock, and their leave once it comes', async () => {
    const org = await seedOrganization(lib.dataSource, 'Webinar clinic');
    const owner = await org.member('owner', 'owner');
    const webinars = lib.get(WebinarsService);
    const startsAt = new Date(lib.clock.millis() + 5 * MINUTE);
    const { id } = await webinars.create(org.organizationId, owner, {
      title: 'Watched',
      startsAt: startsAt.toISOString(),
      durationMinutes: 60,
      timezone: 'UTC',
      capacity: 5,
    });
    const came = await webinars.register(id, { email: 'came@example.org', displayName: 'came' });
    const stayedAway = await webinars.register(id, {
      email: 'away@example.org',
      displayName: 'away',
    });
    const attendance = lib.get(AttendanceService);
    // Stored as the api stores a webhook (the video server is not part of this test).
    const store = async (kind: string, at: Date) => {
      const eventId = `EV_${randomUUID()}`;
      await lib.dataSource.query(
        `INSERT INTO attendance_events (id, event, room_name, identity, participant_sid, occurred_at)
         VALUES ($1, $2, $3, $4, 'PA_1', $5)`,
        [eventId, kind, `webinar-${id}`, `reg-${came.id}`, at],
      );
      return eventId;
    };
    const webinar = (await lib.get(WebinarRepository).findById(id))!;
    const recompute = () => lib.get(WebinarAttendanceService).recomputeAll(webinar);
    const report = () =>
      lib.get(WebinarAttendanceService).report(id, { userId: owner }, { limit: 10 });

    await store('participant_joined', new Date(startsAt.getTime() + 10 * MINUTE));
    await recompute();
    // Computed before the webinar began (by the clock): nothing watched yet.
    expect((await report()).attended).toBe(0);

    // Still in the room twenty minutes later: recomputing counts up to the clock.
    lib.clock.set(new Date(startsAt.getTime() + 30 * MINUTE));
    await recompute();
    expect((await report()).items[0]).toMatchObject({ minutesWatched: 20, attended: true });

    lib.clock.set(new Date(startsAt.getTime() + 50 * MINUTE));
    // The leave comes in as a job would process it: the room's name leads to the webinar.
    await attendance.process(
      await store('participant_left', new Date(startsAt.getTime() + 40 * MINUTE)),
    );
    const done = await report();
    expect(done).toMatchObject({ registered: 2, attended: 1, averageMinutesWatched: 30 });
    expect(done.items.map((i) => [i.registrationId, i.attended, i.minutesWatched])).toEqual([
      [came.id, true, 30],
      [stayedAway.id, false, 0],
    ]);
  });
});
