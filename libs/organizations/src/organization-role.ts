export const ORGANIZATION_ROLES = ['owner', 'admin', 'therapist', 'participant'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

/** Roles that manage the organization: its settings, members and invitations. */
export const MANAGER_ROLES: readonly OrganizationRole[] = ['owner', 'admin'];

/** Roles that may lead or co-facilitate groups. */
export const FACILITATOR_ROLES: readonly OrganizationRole[] = ['owner', 'admin', 'therapist'];
