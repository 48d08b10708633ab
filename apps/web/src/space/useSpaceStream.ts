import { fetchEventSource } from '@microsoft/fetch-event-source';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { authState, refresh } from '../auth/session';
import { refreshSpace } from './useSpace';

/** The api said no for good (not a member, signed out): stop instead of retrying. */
class Refused extends Error {}
/** The connection ended or failed: try again after a pause. */
class Dropped extends Error {}

/** Waits after a failure, doubling up to half a minute, so a bad connection is not hammered. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/** `post` carries the post; `moderation` what happened and the post as the viewer may see it. */
type StreamEvent = { mine?: boolean; action?: string | null; post?: { mine?: boolean } | null };

/**
 * Live updates of a group's space from `GET /groups/:groupId/stream` (server-sent events). A
 * fetch-based client, since EventSource cannot send the bearer token; each (re)connection carries
 * the current token. Every event reads the space again (events carry ids only); `onNewPosts` hears
 * of posts by others so they can be announced. Reconnects with a growing pause after a failure,
 * and catches up on what it missed when it reconnects.
 */
export function useSpaceStream(groupId: string, onNewPosts: (count: number) => void) {
  const queries = useQueryClient();
  const [live, setLive] = useState(true);
  const announce = useRef(onNewPosts);
  announce.current = onNewPosts;

  useEffect(() => {
    const stop = new AbortController();
    let retryMs = FIRST_RETRY_MS;
    let opened = false;
    void fetchEventSource(`/api/v1/groups/${groupId}/stream`, {
      signal: stop.signal,
      // Keeps listening in a background tab, so the page is current when the person comes back.
      openWhenHidden: true,
      fetch: (input, init) => {
        const state = authState();
        const headers = new Headers(init?.headers);
        if (state.status === 'signedIn')
          headers.set('authorization', `Bearer ${state.accessToken}`);
        return fetch(input, { ...init, headers });
      },
      async onopen(response) {
        if (response.status === 401 && (await refresh())) throw new Dropped();
        if (!response.ok) throw new Refused(String(response.status));
        if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
          throw new Dropped();
        }
        retryMs = FIRST_RETRY_MS;
        setLive(true);
        // After a drop, whatever happened meanwhile is read again.
        if (opened) void refreshSpace(queries, groupId);
        opened = true;
      },
      onmessage(message) {
        if (!message.event || message.event === 'ping') return;
        void refreshSpace(queries, groupId);
        let data: StreamEvent = {};
        try {
          data = JSON.parse(message.data) as StreamEvent;
        } catch {
          // An event without a readable body still refreshes the page.
        }
        // A new post by someone else, or one a facilitator just let through, is announced.
        const arrived =
          (message.event === 'post' && !data.mine) ||
          (message.event === 'moderation' &&
            data.action === 'approve' &&
            !!data.post &&
            !data.post.mine);
        if (arrived) announce.current(1);
      },
      onclose() {
        throw new Dropped();
      },
      onerror(error) {
        if (error instanceof Refused) throw error;
        setLive(false);
        const wait = retryMs;
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
        return wait;
      },
    }).catch(() => {
      // Refused for good: the page shows what it read; no live updates.
    });
    return () => stop.abort();
  }, [groupId, queries]);

  return { live };
}
