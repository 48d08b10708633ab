import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { ok } from '../api/result';

export const curriculumKey = (curriculumId: string) => ['curriculum', curriculumId];
export const versionKey = (curriculumId: string, versionId: string) => [
  'curriculum',
  curriculumId,
  'version',
  versionId,
];
export const curriculaKey = (organizationId: string) => ['curricula', organizationId];

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
