import type { PostView } from '../community.view.js';
import type { PostRow, PostViewer } from './post.repository.js';

/**
 * A post as the viewer may see it: an anonymous author is known to facilitators and to the
 * author, to nobody else; why a post was held or hidden is told to the same people.
 */
export function postView(row: PostRow, viewer: PostViewer): PostView {
  const mine = row.authorId !== null && row.authorId === viewer.userId;
  const showAuthor =
    row.authorId !== null &&
    row.status !== 'removed' &&
    (!row.anonymous || viewer.facilitator || mine);
  return {
    id: row.id,
    parentId: row.parentId,
    author: showAuthor ? { userId: row.authorId!, displayName: row.authorName ?? '' } : null,
    anonymous: row.anonymous,
    body: row.status === 'removed' ? '' : row.body,
    contentWarning: row.status === 'removed' ? null : row.contentWarning,
    createdAt: row.createdAt,
    replyCount: Number(row.replyCount),
    status: row.status,
    heldReasons: viewer.facilitator || mine ? (row.heldReasons ?? []) : [],
    hiddenReason:
      row.status === 'hidden' && (viewer.facilitator || mine) ? (row.hiddenReason ?? null) : null,
    pinned: row.pinnedAt !== null,
    mine,
  };
}
