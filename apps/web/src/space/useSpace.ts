import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api/client';
import { ApiError, ok } from '../api/result';
import { helpLocale } from '../measures/locale';

export type Post = Schemas['PostView'];
export type Space = Schemas['GroupSpaceView'];
export type Queue = Schemas['ModerationQueueView'];
export type QueuePost = Schemas['ModerationPostView'];
export type LogEntry = Schemas['ModerationActionView'];
export type Draft = { body: string; anonymous: boolean; contentWarning: string };

/** Query keys of a group's space, shaped like the api paths they read. */
export const spaceKeys = {
  all: (groupId: string) => ['groups', groupId, 'space'] as const,
  summary: (groupId: string) => ['groups', groupId, 'space', 'summary'] as const,
  posts: (groupId: string) => ['groups', groupId, 'space', 'posts'] as const,
  replies: (groupId: string, postId: string) =>
    ['groups', groupId, 'space', 'replies', postId] as const,
  moderation: (groupId: string) => ['groups', groupId, 'space', 'moderation'] as const,
  log: (groupId: string) => ['groups', groupId, 'space', 'log'] as const,
  mutes: (groupId: string) => ['groups', groupId, 'space', 'mutes'] as const,
  preferences: ['me', 'community-preferences'] as const,
  watchedWords: (orgId: string) => ['organizations', orgId, 'watched-words'] as const,
};

/** Everything shown of one group's space is read again (a post, a moderation change). */
export const refreshSpace = (queries: QueryClient, groupId: string) =>
  queries.invalidateQueries({ queryKey: spaceKeys.all(groupId) });

/** The viewer's summary: role, unread count, mute, digest choice, moderation count. */
export function useSpaceSummary(groupId: string) {
  return useQuery({
    queryKey: spaceKeys.summary(groupId),
    queryFn: () => ok(api.GET('/api/v1/groups/{groupId}/space', { params: { path: { groupId } } })),
    // Not a member (404): say so at once instead of asking again.
    retry: (failures, error) =>
      !(error instanceof ApiError && error.status === 404) && failures < 1,
  });
}

/** Top-level posts, newest first, page by page. */
export function usePosts(groupId: string) {
  return useInfiniteQuery({
    queryKey: spaceKeys.posts(groupId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/groups/{groupId}/posts', {
          params: { path: { groupId }, query: { limit: 20, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** A post's replies, oldest first; read when the replies are opened. */
export function useReplies(groupId: string, postId: string, enabled: boolean) {
  return useQuery({
    queryKey: spaceKeys.replies(groupId, postId),
    enabled,
    queryFn: () => ok(api.GET('/api/v1/posts/{postId}/replies', { params: { path: { postId } } })),
  });
}

/** The crisis resources come in the person's language and region (Accept-Language). */
function useHelpLanguage() {
  const { i18n } = useTranslation();
  return { 'accept-language': helpLocale(i18n.resolvedLanguage ?? 'en') };
}

/** Checks a draft before posting: a crisis answers resources; held says it would wait. */
export function useCheckDraft(groupId: string) {
  const headers = useHelpLanguage();
  return useMutation({
    mutationFn: (body: string) =>
      ok(
        api.POST('/api/v1/groups/{groupId}/posts/check', {
          params: { path: { groupId } },
          body: { body },
          headers,
        }),
      ),
  });
}

/** Posts to the group (no `parentId`) or replies to a post. */
export function useSendPost(groupId: string, parentId?: string) {
  const queries = useQueryClient();
  const headers = useHelpLanguage();
  return useMutation({
    mutationFn: (draft: Draft) => {
      const body = {
        body: draft.body,
        anonymous: draft.anonymous,
        ...(draft.contentWarning.trim() ? { contentWarning: draft.contentWarning.trim() } : {}),
      };
      return ok(
        parentId
          ? api.POST('/api/v1/posts/{postId}/replies', {
              params: { path: { postId: parentId } },
              body,
              headers,
            })
          : api.POST('/api/v1/groups/{groupId}/posts', {
              params: { path: { groupId } },
              body,
              headers,
            }),
      );
    },
    onSettled: () => refreshSpace(queries, groupId),
  });
}

/** Reports a post; the answer never says who else reported, nor tells the author who did. */
export function useReport() {
  return useMutation({
    mutationFn: ({ postId, reason }: { postId: string; reason: string }) =>
      ok(
        api.POST('/api/v1/posts/{postId}/report', {
          params: { path: { postId } },
          body: { reason },
        }),
      ),
  });
}

export type PostAction = 'approve' | 'hide' | 'restore' | 'pin' | 'unpin' | 'keep';

const ACTION_PATHS = {
  approve: '/api/v1/posts/{postId}/approve',
  hide: '/api/v1/posts/{postId}/hide',
  restore: '/api/v1/posts/{postId}/restore',
  pin: '/api/v1/posts/{postId}/pin',
  unpin: '/api/v1/posts/{postId}/unpin',
  // Keeps a reported post as it is: its reports close and it leaves the queue.
  keep: '/api/v1/posts/{postId}/dismiss-reports',
} as const;

/** A facilitator's action on a post, with an optional reason for the log. */
export function useModerate(groupId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({
      postId,
      action,
      reason,
    }: {
      postId: string;
      action: PostAction;
      reason?: string;
    }) =>
      ok(
        api.POST(ACTION_PATHS[action], {
          params: { path: { postId } },
          body: reason?.trim() ? { reason: reason.trim() } : {},
        }),
      ),
    onSettled: () => refreshSpace(queries, groupId),
  });
}

/** A facilitator has reached out to someone who may need support: the flag leaves the queue. */
export function useResolveFlag(groupId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (flagId: string) =>
      ok(
        api.POST('/api/v1/groups/{groupId}/moderation/crisis-flags/{flagId}/resolve', {
          params: { path: { groupId, flagId } },
        }),
      ),
    onSettled: () => refreshSpace(queries, groupId),
  });
}

export function useModerationQueue(groupId: string, enabled: boolean) {
  return useQuery({
    queryKey: spaceKeys.moderation(groupId),
    enabled,
    queryFn: () =>
      ok(api.GET('/api/v1/groups/{groupId}/moderation', { params: { path: { groupId } } })),
  });
}

export function useModerationLog(groupId: string) {
  return useInfiniteQuery({
    queryKey: spaceKeys.log(groupId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/groups/{groupId}/moderation/log', {
          params: { path: { groupId }, query: { cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The members muted now, by alias (facilitators only). */
export function useActiveMutes(groupId: string) {
  return useQuery({
    queryKey: spaceKeys.mutes(groupId),
    queryFn: () => ok(api.GET('/api/v1/groups/{groupId}/mutes', { params: { path: { groupId } } })),
  });
}

export function useMute(groupId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: { userId: string; until: string; reason?: string }) =>
      ok(
        api.POST('/api/v1/groups/{groupId}/mutes', {
          params: { path: { groupId } },
          body: { ...body, reason: body.reason?.trim() || undefined },
        }),
      ),
    onSettled: () => refreshSpace(queries, groupId),
  });
}

export function useUnmute(groupId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      ok(
        api.DELETE('/api/v1/groups/{groupId}/mutes/{userId}', {
          params: { path: { groupId, userId } },
        }),
      ),
    onSettled: () => refreshSpace(queries, groupId),
  });
}

/** Read up to this post: the unread count and "new" marks follow. */
export function useReadMarker(groupId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (postId: string) =>
      ok(
        api.PUT('/api/v1/groups/{groupId}/read-marker', {
          params: { path: { groupId } },
          body: { postId },
        }),
      ),
    onSuccess: (marker) =>
      queries.setQueryData<Space>(spaceKeys.summary(groupId), (space) =>
        space ? { ...space, unreadCount: marker.unreadCount } : space,
      ),
  });
}
