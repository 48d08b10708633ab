import { ConflictError, InvalidInputError } from '#common';
import { type PostModeration, postTransition } from './post-transitions.js';

const post = (status: 'visible' | 'held' | 'hidden' | 'removed', pinned = false) => ({
  status,
  pinnedAt: pinned ? new Date(0) : null,
  parentId: null,
});

describe('postTransition', () => {
  it.each<[PostModeration, ReturnType<typeof post>, object]>([
    ['approve', post('held'), { status: 'visible' }],
    ['hide', post('visible'), { status: 'hidden' }],
    ['hide', post('held'), { status: 'hidden' }],
    ['restore', post('hidden'), { status: 'visible' }],
    ['pin', post('visible'), { pin: true }],
    ['unpin', post('visible', true), { pin: false }],
    ['unpin', post('hidden', true), { pin: false }],
  ])('%s takes a post on', (action, from, change) => {
    expect(postTransition(from, action)).toEqual(change);
  });

  it.each<[PostModeration, ReturnType<typeof post>]>([
    ['approve', post('visible')],
    ['approve', post('hidden')],
    ['restore', post('visible')],
    ['restore', post('held')],
    ['hide', post('hidden')],
    ['pin', post('held')],
    ['pin', post('visible', true)],
    ['unpin', post('visible')],
    ['approve', post('removed')],
    ['hide', post('removed')],
    ['restore', post('removed')],
  ])('refuses to %s a post in the wrong state', (action, from) => {
    expect(() => postTransition(from, action)).toThrow(ConflictError);
  });

  it('pins top-level posts only', () => {
    expect(() => postTransition({ ...post('visible'), parentId: 'p1' }, 'pin')).toThrow(
      InvalidInputError,
    );
  });
});
