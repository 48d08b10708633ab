import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';

export const PROFILE_KEY = ['me'];

/** The signed-in person's profile: alias, time zone, reminder channels. */
export function useProfile() {
  return useQuery({
    queryKey: PROFILE_KEY,
    queryFn: async () => {
      const { data, error } = await api.GET('/api/v1/me');
      if (error) throw new Error(error.message);
      return data;
    },
  });
}

/** The zone times are shown in: the profile's, else the device's. */
export function useTimeZone(): string | undefined {
  return useProfile().data?.timezone ?? undefined;
}
