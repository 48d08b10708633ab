import { ConflictError } from '#common';
import { assertMove, canMove } from './join-request-state.js';

describe('JoinRequestState', () => {
  it('moves a pending request to any answer or a withdrawal', () => {
    for (const to of ['approved', 'waitlisted', 'declined', 'withdrawn'] as const) {
      expect(canMove('pending', to)).toBe(true);
    }
  });

  it('refuses every move out of an answered or withdrawn request with a domain error', () => {
    for (const from of ['approved', 'waitlisted', 'declined', 'withdrawn'] as const) {
      for (const to of ['pending', 'approved', 'waitlisted', 'declined', 'withdrawn'] as const) {
        expect(canMove(from, to)).toBe(false);
        expect(() => assertMove(from, to)).toThrow(ConflictError);
      }
    }
  });
});
