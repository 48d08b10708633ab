import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../ui/clock';
import { useDates } from '../ui/useDates';
import { Composer } from './Composer';
import { PostCard } from './PostCard';
import { type Post, type Space, usePosts, useReadMarker } from './useSpace';

/** Pinned posts first, then the newest; the api's order otherwise kept. */
const pinnedFirst = (posts: Post[]) =>
  [...posts].sort((a, b) => Number(b.pinned) - Number(a.pinned));

/** Whether the page is in front of the person, so what it shows counts as seen. */
function useVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

/**
 * The group's posts with the composer (or why the person cannot post): posts by others since the
 * last visit are marked new under a divider, and the read marker moves to the newest post seen.
 */
export function Feed(props: { groupId: string; space: Space; onMuted(): void }) {
  const { groupId, space } = props;
  const { t } = useTranslation('space');
  const { t: common } = useTranslation();
  const dates = useDates();
  const now = useNow(30_000);
  const posts = usePosts(groupId);
  const marker = useReadMarker(groupId);
  const visible = useVisible();
  // The read marker as it was when the page opened: what is new stays marked while reading.
  const [readBefore] = useState(() =>
    space.lastReadAt ? Date.parse(space.lastReadAt) : Number.NEGATIVE_INFINITY,
  );
  const facilitator = space.role === 'facilitator';
  const mutedUntil =
    space.mutedUntil && Date.parse(space.mutedUntil) > now ? space.mutedUntil : null;
  const items = pinnedFirst(posts.data?.pages.flatMap((page) => page.items) ?? []);
  const newest = items.reduce<Post | undefined>(
    (latest, post) =>
      post.status === 'visible' && (!latest || post.createdAt > latest.createdAt) ? post : latest,
    undefined,
  );

  const { mutate: markRead } = marker;
  useEffect(() => {
    if (newest && visible) markRead(newest.id);
  }, [newest?.id, visible, markRead]);

  const isNew = (post: Post) => !post.mine && Date.parse(post.createdAt) > readBefore;
  const firstNew = items.find(isNew)?.id;

  return (
    <>
      {mutedUntil ? (
        <section className="notice space-muted" aria-labelledby="muted-title">
          <h2 id="muted-title">{t('mutedTitle')}</h2>
          <p>{t('mutedBody', { when: dates.dateTime(mutedUntil) })}</p>
        </section>
      ) : (
        <Composer groupId={groupId} onMuted={props.onMuted} />
      )}
      <section aria-labelledby="feed-title">
        <h2 id="feed-title">{t('feedTitle')}</h2>
        {posts.isPending && <p>{common('loading')}</p>}
        {posts.isError && <p role="alert">{common('somethingWrong')}</p>}
        {posts.isSuccess && items.length === 0 && <p className="card">{t('emptyFeed')}</p>}
        <ul className="post-list">
          {items.map((post) => (
            <li key={post.id}>
              {post.id === firstNew && readBefore > Number.NEGATIVE_INFINITY && (
                <p className="new-divider">
                  <span>{t('newDivider')}</span>
                </p>
              )}
              <PostCard
                groupId={groupId}
                post={post}
                facilitator={facilitator}
                canWrite={!mutedUntil}
                isNew={isNew(post)}
                onMuted={props.onMuted}
              />
            </li>
          ))}
        </ul>
        {posts.hasNextPage && (
          <button
            type="button"
            className="secondary"
            onClick={() => void posts.fetchNextPage()}
            disabled={posts.isFetchingNextPage}
          >
            {t('olderPosts')}
          </button>
        )}
      </section>
    </>
  );
}
