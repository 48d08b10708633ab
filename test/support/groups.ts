import type { HttpClient } from './http.js';
import { markEmailVerified, registerUser, type TestEnvironment } from './hearth.js';

export type TestUser = Awaited<ReturnType<typeof registerUser>>;

/** An organization run by `owner`, with a published CBT curriculum to open groups on. */
export async function organizationWithCurriculum(http: HttpClient, owner: TestUser, name: string) {
  const orgId = (await http.post('/organizations', { name }, owner.accessToken)).body.id as string;
  const versionId = (
    await http.post(
      `/organizations/${orgId}/curricula`,
      { templateKey: 'cbt-depression-8' },
      owner.accessToken,
    )
  ).body.currentVersionId as string;
  return { orgId, versionId };
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
  const user = await registerUser(http, name);
  await markEmailVerified(env, user.user.id);
  await http.post(
    `/organizations/${orgId}/members`,
    { email: user.email, role: 'participant' },
    owner.accessToken,
  );
  await http.post(`/groups/${groupId}/enrollments`, { userId: user.user.id }, owner.accessToken);
  return user;
}

/** A weekly group far in the future (no reminder due soon until a session is moved close). */
export async function distantGroup(
  http: HttpClient,
  owner: TestUser,
  orgId: string,
  versionId: string,
) {
  const group = await http.post(
    `/organizations/${orgId}/groups`,
    {
      name: 'Reminder group',
      curriculumVersionId: versionId,
      timezone: 'Europe/London',
      firstSessionDate: '2027-06-01',
      startTime: '19:00',
      durationMinutes: 90,
      capacity: 10,
      lobbyEnabled: false,
    },
    owner.accessToken,
  );
  const sessions = (await http.get(`/groups/${group.body.id}/sessions`, owner.accessToken)).body
    .items as {
    id: string;
    moduleTitle: string;
  }[];
  return { groupId: group.body.id as string, sessions };
}
