import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { ok } from '../api/result';

import { organizations } from '../ui/queryKeys';

export const organizationKey = organizations.one;

/** The organization's settings: name, time zone, reminder times and group agreement. */
export function useOrganizationView(organizationId: string) {
  return useQuery({
    queryKey: organizationKey(organizationId),
    queryFn: () =>
      ok(
        api.GET('/api/v1/organizations/{orgId}', {
          params: { path: { orgId: organizationId } },
        }),
      ),
  });
}
