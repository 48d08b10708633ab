import { ConflictError, InvalidInputError } from '#common';
import type { CommunityPost, PostStatus } from '../community.entities.js';

export type PostModeration = 'approve' | 'hide' | 'restore' | 'pin' | 'unpin';

/**
 * The transition table: the statuses each action takes a post from, and what it makes it.
 * `removed` (erased with its author) is in no `from`: nothing brings it back.
 */
const TRANSITIONS: Record<
  PostModeration,
  { from: PostStatus[]; to?: PostStatus; pin?: boolean; past: string }
> = {
  approve: { from: ['held'], to: 'visible', past: 'approved' },
  hide: { from: ['visible', 'held'], to: 'hidden', past: 'hidden' },
  restore: { from: ['hidden'], to: 'visible', past: 'restored' },
  pin: { from: ['visible'], pin: true, past: 'pinned' },
  unpin: { from: ['visible', 'hidden'], pin: false, past: 'unpinned' },
};

export interface PostChange {
  status?: PostStatus;
  /** Pin (true) or unpin (false); left out when the pin stays as it is. */
  pin?: boolean;
}

/**
 * What `action` does to the post, or the domain error that refuses it: a 409 for a post in the
 * wrong state (already pinned, not pinned, not held...), a 400 for pinning a reply (only
 * top-level posts have an order to change).
 */
export function postTransition(
  post: Pick<CommunityPost, 'status' | 'pinnedAt' | 'parentId'>,
  action: PostModeration,
): PostChange {
  const rule = TRANSITIONS[action];
  if (rule.pin !== undefined && post.parentId !== null) {
    throw new InvalidInputError('reply_not_pinnable', 'Only top-level posts can be pinned');
  }
  const pinned = post.pinnedAt !== null;
  if (!rule.from.includes(post.status) || (rule.pin !== undefined && rule.pin === pinned)) {
    const state = rule.pin === undefined ? post.status : pinned ? 'pinned' : 'unpinned';
    throw new ConflictError('illegal_post_transition', `A ${state} post cannot be ${rule.past}`);
  }
  return { ...(rule.to && { status: rule.to }), ...(rule.pin !== undefined && { pin: rule.pin }) };
}
