import { useProfile } from '../profile/useProfile';
import type { Schemas } from '../api/client';

type Role = Schemas['OrganizationRole'];

/** The clinical staff of an organization (they read clinical records), and those who manage it. */
export const STAFF: readonly Role[] = ['owner', 'admin', 'therapist'];
export const MANAGERS: readonly Role[] = ['owner', 'admin'];
/** Everyone who works in an organization: its staff and its peer supporters. */
export const WORKERS: readonly Role[] = [...STAFF, 'peer_supporter'];

/**
 * The organization the signed-in person works in (their first membership as owner, admin,
 * therapist or peer supporter), with what their role lets them do there (`clinical`: reads
 * clinical records; a peer supporter does not); undefined for participants only.
 */
export function useOrganization():
  { organizationId: string; role: Role; manages: boolean; clinical: boolean } | undefined {
  const membership = useProfile().data?.memberships.find((m) => WORKERS.includes(m.role));
  return (
    membership && {
      ...membership,
      manages: MANAGERS.includes(membership.role),
      clinical: STAFF.includes(membership.role),
    }
  );
}
