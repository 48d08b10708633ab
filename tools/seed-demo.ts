/**
 * `npm run seed:demo`: a demo organization with a therapist, eight participants and a CBT group
 * whose first session starts a few minutes from now, then prints how to sign in. Uses
 * DATABASE_URL, or else the embedded database of `npm start` (started here if it is not running).
 */
import 'reflect-metadata';
import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { DateTime } from 'luxon';
import { inspect } from 'node:util';
import pg from 'pg';
import { type AppConfig, loadConfig, ConfigModule } from '#config';
import { CurriculaService } from '#curricula';
import { DatabaseModule } from '#database';
import type { EmbeddedDatabase } from '#database';
import { EnrollmentService } from '#groups';
import { PasswordHasher, UserRepository } from '#identity';
import { MembershipRepository, OrganizationsService } from '#organizations';
import { QueueModule } from '#queue';
import { RemindersModule } from '#reminders';
import { GroupSetupService, SessionScheduleService, SessionsModule } from '#sessions';
import { VideoModule } from '#video';
import { devSecret, embeddedDatabase } from './dev-environment.js';

const PASSWORD = 'hearth-demo-password';
const DOMAIN = 'demo.hearth.example';
const THERAPIST = `therapist@${DOMAIN}`;
const PARTICIPANTS = Array.from({ length: 8 }, (_, i) => ({
  email: `participant${i + 1}@${DOMAIN}`,
  alias: ['Robin', 'Sky', 'Ash', 'River', 'Wren', 'Sage', 'Rowan', 'Brook'][i],
}));

const say = (line: string) => process.stdout.write(`${line}\n`);

@Module({})
class SeedModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SeedModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot({ runMigrations: true }),
        EventEmitterModule.forRoot(),
        QueueModule.forRoot(),
        SessionsModule,
        // Their listeners plan the rooms and reminders of what the seed creates, as in the api.
        VideoModule,
        RemindersModule,
      ],
    };
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function seed(config: AppConfig): Promise<void> {
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  try {
    const users = app.get(UserRepository);
    const existing = await users.findByEmail(THERAPIST);
    if (existing) {
      say(`The demo is already there.`);
      printLogins();
      return await printJoinLink(app, config, existing.id);
    }
    const hash = await app.get(PasswordHasher).hash(PASSWORD);
    const newUser = async (email: string, displayName: string) =>
      (await users.insert({
        email,
        displayName,
        passwordHash: hash,
        emailVerifiedAt: new Date(),
      }))!;

    const therapist = await newUser(THERAPIST, 'Dr. Demo');
    const organizations = app.get(OrganizationsService);
    const organization = await organizations.create('Hearth Demo Clinic', therapist.id);
    const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    await organizations.update(organization.id, {
      timezone,
      groupAgreement:
        'What is shared in the group stays in the group. We listen without judging, and we ' +
        'speak for ourselves. Anyone may pass.',
    });

    const curriculum = await app
      .get(CurriculaService)
      .create(organization.id, therapist.id, { templateKey: 'cbt-depression-8' });
    const start = DateTime.now().setZone(timezone).plus({ minutes: 10 }).startOf('minute');
    const roundedStart = start.plus({ minutes: (5 - (start.minute % 5)) % 5 });
    const group = await app.get(GroupSetupService).create(organization.id, therapist.id, {
      name: 'Weekly CBT group (demo)',
      description: 'Eight weekly sessions of group CBT for depression.',
      tags: ['general'],
      curriculumVersionId: curriculum.currentVersionId!,
      timezone,
      firstSessionDate: roundedStart.toISODate()!,
      startTime: roundedStart.toFormat('HH:mm'),
      durationMinutes: 90,
      capacity: 10,
      minSize: 4,
      lobbyEnabled: true,
    });

    const enrollments = app.get(EnrollmentService);
    const memberships = app.get(MembershipRepository);
    for (const { email, alias } of PARTICIPANTS) {
      const participant = await newUser(email, alias);
      await memberships.insert({
        organizationId: organization.id,
        userId: participant.id,
        role: 'participant',
      });
      await enrollments.enroll(group.id, therapist.id, participant.id);
      await enrollments.consent(group.id, participant.id, 1);
    }
    const { items } = await app
      .get(SessionScheduleService)
      .list(group.id, therapist.id, { limit: 1 });
    say(`Demo organization "${organization.name}" with group "${group.name}":`);
    say(
      `  first session ${items[0].localDate} ${items[0].localStartTime} (${timezone}), then weekly`,
    );
    printLogins();
    await printJoinLink(app, config, therapist.id);
  } finally {
    await app.close();
  }
}

/** Where the therapist and the participants join the group's next session. */
async function printJoinLink(
  app: INestApplicationContext,
  config: AppConfig,
  therapistId: string,
): Promise<void> {
  const [next] = (await app.get(SessionScheduleService).upcomingFor(therapistId, { limit: 1 }))
    .items;
  if (!next) {
    say('The demo group has no sessions left.');
    return;
  }
  say(
    `Join the next session (${next.localDate} ${next.localStartTime}, opens ${config.VIDEO_JOIN_EARLY_MINUTES} minutes before):`,
  );
  say(`  ${new URL(`/sessions/${next.id}/join`, config.PUBLIC_URL).href}`);
}

function printLogins(): void {
  say(`Sign in (POST /api/v1/auth/login, or the web pages) with password "${PASSWORD}" as:`);
  say(`  therapist:    ${THERAPIST}`);
  say(`  participants: participant1@${DOMAIN} … participant8@${DOMAIN}`);
}

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  env.JWT_SECRET ??= await devSecret();
  let started: EmbeddedDatabase | undefined;
  if (!env.DATABASE_URL) {
    const embedded = embeddedDatabase();
    if (!(await reachable(embedded.url))) {
      say('Starting the embedded PostgreSQL for seeding…');
      started = embedded;
      await embedded.start();
    }
    env.DATABASE_URL = embedded.url;
  }
  try {
    await seed(loadConfig(env));
  } finally {
    await started?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `seed:demo failed: ${error instanceof Error ? error.message || error.name : inspect(error)}\n`,
  );
  process.exit(1);
});
