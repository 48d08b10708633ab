/** Every api route is under this path (API.md, "Conventions"). */
export const API_PREFIX = 'api/v1';
