import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { ok } from '../api/result';

import * as keys from '../ui/queryKeys';

export const curriculumKey = keys.curricula.one;
export const versionKey = keys.curricula.version;
/** The organization's curricula (invalidate this; the paged list sits under it). */
export const curriculaKey = keys.organizations.curricula;

export function useCurriculum(curriculumId: string, enabled: boolean) {
  return useQuery({
    queryKey: curriculumKey(curriculumId),
    enabled,
    queryFn: () =>
      ok(api.GET('/api/v1/curricula/{curriculumId}', { params: { path: { curriculumId } } })),
  });
}

/** One version with its modules (a draft being edited). */
export function useVersion(curriculumId: string, versionId: string | undefined) {
  return useQuery({
    queryKey: versionKey(curriculumId, versionId ?? ''),
    enabled: !!versionId,
    queryFn: () =>
      ok(
        api.GET('/api/v1/curricula/{curriculumId}/versions/{versionId}', {
          params: { path: { curriculumId, versionId: versionId! } },
        }),
      ),
  });
}
