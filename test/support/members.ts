import type { HttpClient } from './http.js';

/**
 * Makes a person with a verified address a member the only way there is: a manager invites
 * them and they accept at /me/invitations. Answers the invitation's id.
 */
export async function joinOrganization(
  http: HttpClient,
  managerToken: string,
  orgId: string,
  person: { email: string; accessToken: string },
  role: string,
): Promise<string> {
  const invited = await http.post(
    `/organizations/${orgId}/members`,
    { email: person.email, role },
    managerToken,
  );
  if (invited.status !== 201) {
    throw new Error(`inviting: ${invited.status} ${JSON.stringify(invited.body)}`);
  }
  const id = invited.body.id as string;
  const accepted = await http.post(`/me/invitations/${id}/accept`, {}, person.accessToken);
  if (accepted.status !== 200) {
    throw new Error(`accepting: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  }
  return id;
}
