import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { ok } from '../api/result';

export const agreementKey = (groupId: string) => ['groups', groupId, 'agreement'];

/** The organization's group agreement and the person's consent to it, for one group. */
export function useAgreement(groupId: string) {
  return useQuery({
    queryKey: agreementKey(groupId),
    queryFn: () =>
      ok(api.GET('/api/v1/groups/{groupId}/agreement', { params: { path: { groupId } } })),
  });
}
