import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { ok } from '../api/result';

export const CHECK_INS_KEY = ['me', 'measure-requests'] as const;

/** The person's check-ins: open ones, answered and lately closed. */
export function useCheckIns() {
  return useQuery({
    queryKey: CHECK_INS_KEY,
    queryFn: () => ok(api.GET('/api/v1/me/measure-requests')),
  });
}
