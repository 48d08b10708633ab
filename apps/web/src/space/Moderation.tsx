import { useTranslation } from 'react-i18next';
import { useNow } from '../ui/clock';
import { useDates } from '../ui/useDates';
import { useReasonText } from './dialogs';
import type { Schemas } from '../api/client';
import { PostCard } from './PostCard';
import {
  type QueuePost,
  useActiveMutes,
  useModerationLog,
  useModerationQueue,
  useResolveFlag,
  useUnmute,
} from './useSpace';

/** Why a post waits: held for a link, a watched word or a crisis; reported, with the reasons. */
function Why({ post }: { post: QueuePost }) {
  const { t } = useTranslation('space');
  const reasonText = useReasonText();
  return (
    <ul className="queue-why">
      {post.status === 'held' &&
        (post.heldReasons.length ? post.heldReasons : ['other' as const]).map((reason) => (
          <li key={reason} className={reason === 'crisis' ? 'problem' : undefined}>
            {t(`heldFor_${reason}`)}
          </li>
        ))}
      {post.reportCount > 0 && (
        <li>
          {t('reportedCount', { count: post.reportCount })}
          {post.reportReasons.length > 0 &&
            ` · ${t('reportReasons', { reasons: post.reportReasons.map(reasonText).join('; ') })}`}
        </li>
      )}
    </ul>
  );
}

function QueueList(props: { groupId: string; posts: QueuePost[]; onMuted(): void }) {
  return (
    <ul className="post-list">
      {props.posts.map((post) => (
        <li key={post.id} className="queue-item">
          <Why post={post} />
          <PostCard
            groupId={props.groupId}
            post={post}
            facilitator
            canWrite={false}
            isNew={false}
            onMuted={props.onMuted}
          />
        </li>
      ))}
    </ul>
  );
}

/** The crisis flags: who may need support (never what they wrote), until someone reaches out. */
function CrisisFlags({ groupId, flags }: { groupId: string; flags: Schemas['CrisisFlagView'][] }) {
  const { t } = useTranslation('space');
  const dates = useDates();
  const resolve = useResolveFlag(groupId);
  if (flags.length === 0) return null;
  return (
    <section className="card queue-crisis" aria-labelledby="crisis-flags-title">
      <h3 id="crisis-flags-title">{t('crisisFlag')}</h3>
      <p className="hint">{t('crisisFlagsLead')}</p>
      <ul className="plain-list">
        {flags.map((flag) => (
          <li key={flag.id}>
            <p>
              {t('crisisFlagWho', {
                name: flag.member.displayName,
                when: dates.dateTime(flag.createdAt),
              })}
              {flag.postId ? '' : ` ${t('crisisFlagDraft')}`}
            </p>
            <button
              type="button"
              className="secondary"
              aria-label={t('resolveFlagWhich', { name: flag.member.displayName })}
              disabled={resolve.isPending}
              onClick={() => resolve.mutate(flag.id)}
            >
              {t('resolveFlag')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Who is muted now, as the api answers it: the end and the reason beside each alias. */
function Mutes({ groupId }: { groupId: string }) {
  const { t } = useTranslation('space');
  const { t: common } = useTranslation();
  const dates = useDates();
  const mutes = useActiveMutes(groupId);
  const unmute = useUnmute(groupId);
  // A mute that ends while the screen is open leaves the list then.
  const now = useNow(60_000);
  const muted = (mutes.data?.items ?? []).filter((mute) => Date.parse(mute.until) > now);
  return (
    <section className="card" aria-labelledby="mutes-title">
      <h3 id="mutes-title">{t('mutesTitle')}</h3>
      {mutes.isError && <p role="alert">{common('somethingWrong')}</p>}
      {mutes.isSuccess && muted.length === 0 && <p className="hint">{t('mutesEmpty')}</p>}
      <ul className="plain-list">
        {muted.map((mute) => (
          <li key={mute.userId}>
            <span>
              {t('mutedUntil', { name: mute.displayName, when: dates.dateTime(mute.until) })}
              {mute.reason && (
                <>
                  <br />
                  <span className="hint">{t('logReason', { reason: mute.reason })}</span>
                </>
              )}
            </span>
            <button
              type="button"
              className="secondary"
              aria-label={t('unmuteWhich', { name: mute.displayName })}
              disabled={unmute.isPending}
              onClick={() => unmute.mutate(mute.userId)}
            >
              {t('unmute')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The facilitators' queue: crisis flags, held posts, reported posts; and who is muted. */
export function Moderation({ groupId, onMuted }: { groupId: string; onMuted(): void }) {
  const { t } = useTranslation('space');
  const { t: common } = useTranslation();
  const queue = useModerationQueue(groupId, true);
  if (queue.isPending) return <p>{common('loading')}</p>;
  if (queue.isError) return <p role="alert">{common('somethingWrong')}</p>;
  const { held, reported, crisisFlags } = queue.data;
  // A held post that was also reported is shown once, with both reasons.
  const heldIds = new Set(held.map((post) => post.id));
  const onlyReported = reported.filter((post) => !heldIds.has(post.id));
  const empty = held.length + onlyReported.length + crisisFlags.length === 0;
  return (
    <>
      <section aria-labelledby="queue-title">
        <h2 id="queue-title">{t('queueTitle')}</h2>
        <p className="hint">{t('queueLead')}</p>
        {empty && <p className="card">{t('queueEmpty')}</p>}
        <CrisisFlags groupId={groupId} flags={crisisFlags} />
        <QueueList groupId={groupId} posts={[...held, ...onlyReported]} onMuted={onMuted} />
      </section>
      <Mutes groupId={groupId} />
    </>
  );
}

/** Every moderation action in the group, newest first: who did what, to whom, why, until when. */
export function ModerationLog({ groupId }: { groupId: string }) {
  const { t } = useTranslation('space');
  const { t: common } = useTranslation();
  const dates = useDates();
  const log = useModerationLog(groupId);
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="log-title">
      <h2 id="log-title">{t('logTitle')}</h2>
      <p className="hint">{t('logLead')}</p>
      {log.isPending && <p>{common('loading')}</p>}
      {log.isError && <p role="alert">{common('somethingWrong')}</p>}
      {log.isSuccess && entries.length === 0 && <p className="card">{t('logEmpty')}</p>}
      <ol className="plain-list log-list">
        {entries.map((entry) => (
          <li key={entry.id} className="card">
            <p className="log-what">
              {t(`action_${entry.action}`, {
                actor: entry.actor.displayName,
                member: entry.subject?.displayName ?? t('someone'),
              })}
            </p>
            {entry.postExcerpt && (
              <p className="log-post">{t('logPost', { excerpt: entry.postExcerpt })}</p>
            )}
            {entry.until && <p>{t('logUntil', { when: dates.dateTime(entry.until) })}</p>}
            {entry.reason && <p>{t('logReason', { reason: entry.reason })}</p>}
            <p className="hint">
              <time dateTime={entry.createdAt}>{dates.dateTime(entry.createdAt)}</time>
            </p>
          </li>
        ))}
      </ol>
      {log.hasNextPage && (
        <button
          type="button"
          className="secondary"
          onClick={() => void log.fetchNextPage()}
          disabled={log.isFetchingNextPage}
        >
          {t('olderPosts')}
        </button>
      )}
    </section>
  );
}
