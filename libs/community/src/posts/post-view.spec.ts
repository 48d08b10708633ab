import { postView } from './post-view.js';
import type { PostRow } from './post.repository.js';

const row: PostRow = {
  id: 'p1',
  groupId: 'g1',
  parentId: null,
  authorId: 'author',
  authorName: 'Ana',
  anonymous: true,
  body: 'hello',
  contentWarning: null,
  status: 'held',
  heldReasons: ['link'],
  pinnedAt: null,
  createdAt: new Date(0),
  replyCount: 0,
};

describe('postView', () => {
  it('hides an anonymous author and why it was held from other members', () => {
    const view = postView(row, { userId: 'other', facilitator: false });
    expect(view.author).toBeNull();
    expect(view.heldReasons).toEqual([]);
    expect(JSON.stringify(view)).not.toContain('Ana');
  });

  it('shows facilitators and the author who wrote it', () => {
    expect(postView(row, { userId: 'fac', facilitator: true }).author).toEqual({
      userId: 'author',
      displayName: 'Ana',
    });
    const own = postView(row, { userId: 'author', facilitator: false });
    expect(own.mine).toBe(true);
    expect(own.heldReasons).toEqual(['link']);
  });

  it('tells why a post was hidden to its author and facilitators only', () => {
    const hidden = { ...row, status: 'hidden' as const, hiddenReason: 'Be kind' };
    expect(postView(hidden, { userId: 'author', facilitator: false }).hiddenReason).toBe('Be kind');
    expect(postView(hidden, { userId: 'fac', facilitator: true }).hiddenReason).toBe('Be kind');
    expect(postView(hidden, { userId: 'other', facilitator: false }).hiddenReason).toBeNull();
    expect(
      postView({ ...hidden, status: 'visible' }, { userId: 'author', facilitator: false })
        .hiddenReason,
    ).toBeNull();
  });

  it('keeps a removed post in the thread without text or author', () => {
    const view = postView(
      { ...row, status: 'removed', anonymous: false },
      {
        userId: 'fac',
        facilitator: true,
      },
    );
    expect(view).toMatchObject({ body: '', author: null, status: 'removed' });
  });
});
