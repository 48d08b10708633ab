export const ORGANIZATION_ROLES = [
  'owner',
  'admin',
  'therapist',
  'peer_supporter',
  'participant',
] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

/** Roles that manage the organization: its settings, members and invitations. */
export const MANAGER_ROLES: readonly OrganizationRole[] = ['owner', 'admin'];

/**
 * Clinical staff: roles that may lead or co-facilitate any group, write curricula, host
 * webinars and read clinical data (notes, measures, risk alerts, homework, incidents).
 */
export const FACILITATOR_ROLES: readonly OrganizationRole[] = ['owner', 'admin', 'therapist'];

/**
 * Roles that may lead or co-facilitate a group: clinical staff, and peer supporters, who lead
 * only groups without a curriculum (support and drop-in groups) and never read clinical data.
 */
export const GROUP_LEADER_ROLES: readonly OrganizationRole[] = [
  ...FACILITATOR_ROLES,
  'peer_supporter',
];
