import pg from 'pg';
import type { HttpClient } from './http.js';
import { markEmailVerified, registerUser, type TestEnvironment } from './hearth.js';
import { joinOrganization } from './members.js';

export type TestUser = Awaited<ReturnType<typeof registerUser>>;

/** An organization run by `owner`, with a published CBT curriculum to open groups on. */
export async function organizationWithCurriculum(
  http: HttpClient,
  owner: TestUser,
  name: string,
  templateKey = 'cbt-depression-8',
) {
  const orgId = (await http.post('/organizations', { name }, owner.accessToken)).body.id as string;
  const versionId = (
    await http.post(`/organizations/${orgId}/curricula`, { templateKey }, owner.accessToken)
  ).body.currentVersionId as string;
  return { orgId, versionId };
}

/** A new person with a verified address, made a member of the organization in `role`. */
export async function verifiedMember(
  env: TestEnvironment,
  http: HttpClient,
  owner: TestUser,
  orgId: string,
  name: string,
  role: string,
): Promise<TestUser> {
  const user = await registerUser(http, name);
  await markEmailVerified(env, user.user.id);
  await joinOrganization(http, owner.accessToken, orgId, user, role);
  return user;
}

/** A verified participant of the organization, enrolled in the group. */
export async function enrolledParticipant(
  env: TestEnvironment,
  http: HttpClient,
  owner: TestUser,
  orgId: string,
  groupId: string,
  name: string,
): Promise<TestUser> {
  const user = await verifiedMember(env, http, owner, orgId, name, 'participant');
  await http.post(`/groups/${groupId}/enrollments`, { userId: user.user.id }, owner.accessToken);
  return user;
}

type GroupSession = {
  id: string;
  status: string;
  moduleTitle: string;
  startsAt: string;
  endsAt: string;
};

/** Opens a weekly group on the curriculum version and returns it with its planned sessions. */
async function openGroup(
  http: HttpClient,
  owner: TestUser,
  orgId: string,
  group: Record<string, unknown>,
) {
  const response = await http.post(`/organizations/${orgId}/groups`, group, owner.accessToken);
  if (response.status !== 201) {
    throw new Error(`opening a group: ${response.status} ${JSON.stringify(response.body)}`);
  }
  const groupId = response.body.id as string;
  const sessions = (await http.get(`/groups/${groupId}/sessions`, owner.accessToken)).body
    .items as GroupSession[];
  return { groupId, sessions };
}

/** A weekly group far in the future (no reminder due soon until a session is moved close). */
export function distantGroup(http: HttpClient, owner: TestUser, orgId: string, versionId: string) {
  return openGroup(http, owner, orgId, {
    name: 'Reminder group',
    curriculumVersionId: versionId,
    timezone: 'Europe/London',
    firstSessionDate: '2027-06-01',
    startTime: '19:00',
    durationMinutes: 90,
    capacity: 10,
    lobbyEnabled: false,
  });
}

/** A weekly group whose first session starts `minutes` from now (UTC); `overrides` change the rest. */
export function groupStartingIn(
  http: HttpClient,
  owner: TestUser,
  orgId: string,
  versionId: string,
  minutes: number,
  overrides: Record<string, unknown> = {},
) {
  const start = new Date(Date.now() + minutes * 60_000).toISOString();
  return openGroup(http, owner, orgId, {
    name: 'Live group',
    curriculumVersionId: versionId,
    timezone: 'UTC',
    firstSessionDate: start.slice(0, 10),
    startTime: start.slice(11, 16),
    durationMinutes: 90,
    capacity: 6,
    lobbyEnabled: false,
    ...overrides,
  });
}

/**
 * Dates every seat in the group `at` (test-only: seats are dated by the database's clock, which a
 * test cannot move), for a group whose sessions began before its members were enrolled.
 */
export async function dateSeats(env: TestEnvironment, groupId: string, at: Date): Promise<void> {
  const client = new pg.Client({ connectionString: env.database.url });
  await client.connect();
  try {
    await client.query('UPDATE enrollments SET queued_at = $1 WHERE group_id = $2', [at, groupId]);
  } finally {
    await client.end();
  }
}
