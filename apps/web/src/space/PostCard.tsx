import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDates } from '../ui/useDates';
import { Composer } from './Composer';
import { MuteDialog, ReasonDialog, ReportDialog } from './dialogs';
import { type Post, useModerate, useReplies } from './useSpace';

/** Who wrote it, as the viewer may know: the alias, "Anonymous", or both for facilitators. */
export function useAuthorName() {
  const { t } = useTranslation('space');
  return (post: Pick<Post, 'author' | 'anonymous' | 'mine'>) => {
    // The writer of an anonymous post sees it as the others do, marked as theirs.
    if (post.anonymous && post.mine) return t('you', { name: t('anonymousAuthor') });
    const name = post.author?.displayName ?? t('anonymousAuthor');
    const shown = post.mine ? t('you', { name }) : name;
    return post.anonymous && post.author ? t('anonymousKnown', { name: shown }) : shown;
  };
}

/** The short name used in button labels ("Report the post by Juniper"). */
export function useShortName() {
  const { t } = useTranslation('space');
  return (post: Pick<Post, 'author'>) => post.author?.displayName ?? t('anonymousAuthor');
}

/** The text, folded behind its content warning until the reader opens it. */
function Body({ post }: { post: Post }) {
  const { t } = useTranslation('space');
  const [open, setOpen] = useState(false);
  const id = useId();
  if (post.status === 'removed' || post.body === '') {
    return <p className="hint">{t('removed')}</p>;
  }
  if (!post.contentWarning) return <p className="post-body">{post.body}</p>;
  return (
    <>
      <div className="post-warning">
        <p>{t('warningLabel', { warning: post.contentWarning })}</p>
        <button
          type="button"
          className="secondary"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          {open ? t('foldPost') : t('showPost')}
        </button>
      </div>
      <div id={id}>{open && <p className="post-body">{post.body}</p>}</div>
    </>
  );
}

/**
 * A facilitator's buttons for one post: keep a reported one, approve, hide, restore, pin, mute its
 * writer.
 */
export function ModerationButtons({ groupId, post }: { groupId: string; post: Post }) {
  const { t } = useTranslation('space');
  const moderate = useModerate(groupId);
  const name = useShortName()(post);
  const act = (action: 'approve' | 'restore' | 'pin' | 'unpin') =>
    moderate.mutate({ postId: post.id, action });
  const button = (action: 'approve' | 'restore' | 'pin' | 'unpin') => (
    <button
      type="button"
      className="secondary"
      aria-label={t(`${action}Which`, { name })}
      disabled={moderate.isPending}
      onClick={() => act(action)}
    >
      {t(action)}
    </button>
  );
  const topLevel = post.parentId === null;
  return (
    <>
      {'reportCount' in post && typeof post.reportCount === 'number' && post.reportCount > 0 && (
        <ReasonDialog
          groupId={groupId}
          postId={post.id}
          action="keep"
          label={t('keep')}
          ariaLabel={t('keepWhich', { name })}
          title={t('keepTitle')}
          lead={t('keepLead')}
          danger={false}
        />
      )}
      {post.status === 'held' && button('approve')}
      {post.status === 'hidden' && button('restore')}
      {topLevel && post.status === 'visible' && button(post.pinned ? 'unpin' : 'pin')}
      {(post.status === 'visible' || post.status === 'held') && (
        <ReasonDialog
          groupId={groupId}
          postId={post.id}
          action="hide"
          label={t('hide')}
          ariaLabel={t('hideWhich', { name })}
          title={t('hideTitle')}
          lead={t('hideLead')}
        />
      )}
      {post.author && !post.mine && (
        <MuteDialog groupId={groupId} userId={post.author.userId} name={post.author.displayName} />
      )}
      {moderate.error ? (
        <p className="problem">{t('somethingWrong', { ns: 'translation' })}</p>
      ) : null}
    </>
  );
}

function Replies(props: {
  groupId: string;
  post: Post;
  facilitator: boolean;
  canWrite: boolean;
  onMuted(): void;
}) {
  const { t } = useTranslation('space');
  const { t: common } = useTranslation();
  const replies = useReplies(props.groupId, props.post.id, true);
  const name = useShortName()(props.post);
  return (
    <section className="post-replies" aria-label={t('repliesTo', { name })}>
      {replies.isPending && <p>{common('loading')}</p>}
      {replies.isError && <p role="alert">{common('somethingWrong')}</p>}
      {replies.data && replies.data.items.length === 0 && <p className="hint">{t('noReplies')}</p>}
      <ul className="post-list">
        {replies.data?.items.map((reply) => (
          <li key={reply.id}>
            <PostCard
              groupId={props.groupId}
              post={reply}
              facilitator={props.facilitator}
              canWrite={props.canWrite}
              onMuted={props.onMuted}
              isNew={false}
            />
          </li>
        ))}
      </ul>
      {props.canWrite && props.post.status === 'visible' && (
        <Composer groupId={props.groupId} parentId={props.post.id} onMuted={props.onMuted} />
      )}
    </section>
  );
}

/** One post or reply: who and when, its marks, the text (folded behind a warning), actions. */
export function PostCard(props: {
  groupId: string;
  post: Post;
  facilitator: boolean;
  canWrite: boolean;
  isNew: boolean;
  onMuted(): void;
}) {
  const { post, facilitator } = props;
  const { t } = useTranslation('space');
  const dates = useDates();
  const author = useAuthorName()(post);
  const name = useShortName()(post);
  const [repliesOpen, setRepliesOpen] = useState(false);
  const id = useId();
  const topLevel = post.parentId === null;
  const classes = ['post', topLevel ? 'card' : 'reply', post.status, post.pinned ? 'pinned' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <article className={classes} aria-labelledby={`${id}-by`}>
      <header className="post-head">
        <h3 id={`${id}-by`} className="post-author">
          {author}
        </h3>
        <p className="post-meta">
          <time dateTime={post.createdAt}>{dates.dateTime(post.createdAt)}</time>
          {props.isNew && <span className="badge new">{t('newBadge')}</span>}
          {post.pinned && <span className="badge">{t('pinned')}</span>}
          {post.status === 'held' && <span className="badge waiting">{t('heldBadge')}</span>}
          {post.status === 'hidden' && <span className="badge hidden">{t('hiddenBadge')}</span>}
        </p>
      </header>
      {post.status === 'hidden' && (
        <div className="post-hidden-note">
          <p>{t('hiddenByFacilitator')}</p>
          {post.hiddenReason && <p>{t('logReason', { reason: post.hiddenReason })}</p>}
        </div>
      )}
      <Body post={post} />
      <div className="post-actions">
        {topLevel && post.status !== 'removed' && (
          <button
            type="button"
            className="link"
            aria-expanded={repliesOpen}
            onClick={() => setRepliesOpen(!repliesOpen)}
          >
            {repliesOpen ? t('hideReplies') : t('replies', { count: post.replyCount })}
          </button>
        )}
        {/* Facilitators act on a post themselves; reporting it is for members. */}
        {!facilitator && !post.mine && post.status === 'visible' && (
          <ReportDialog postId={post.id} name={name} />
        )}
        {facilitator && <ModerationButtons groupId={props.groupId} post={post} />}
      </div>
      {repliesOpen && (
        <Replies
          groupId={props.groupId}
          post={post}
          facilitator={facilitator}
          canWrite={props.canWrite}
          onMuted={props.onMuted}
        />
      )}
    </article>
  );
}
