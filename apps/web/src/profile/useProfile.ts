import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { ok } from '../api/result';
import { useAuth } from '../auth/useAuth';

export const PROFILE_KEY = ['me'];

/** The signed-in person's profile: alias, time zone, reminder channels, memberships. */
export function useProfile() {
  const signedIn = useAuth().status === 'signedIn';
  return useQuery({
    queryKey: PROFILE_KEY,
    queryFn: () => ok(api.GET('/api/v1/me')),
    // Asked only once signed in: before, it could only be refused.
    enabled: signedIn,
  });
}

/** The zone times are shown in: the profile's, else the device's. */
export function useTimeZone(): string | undefined {
  return useProfile().data?.timezone ?? undefined;
}
