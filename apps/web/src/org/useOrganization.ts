import { useProfile } from '../profile/useProfile';
import type { Schemas } from '../api/client';

type Role = Schemas['OrganizationRole'];

/** The roles that work in an organization (everyone but participants), and those who manage it. */
export const STAFF: readonly Role[] = ['owner', 'admin', 'therapist'];
export const MANAGERS: readonly Role[] = ['owner', 'admin'];

/**
 * The organization the signed-in person works in (their first membership as owner, admin or
 * therapist), with what their role lets them do there; undefined for participants only.
 */
export function useOrganization():
  { organizationId: string; role: Role; manages: boolean } | undefined {
  const membership = useProfile().data?.memberships.find((m) => STAFF.includes(m.role));
  return membership && { ...membership, manages: MANAGERS.includes(membership.role) };
}
