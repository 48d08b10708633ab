import {
  assertTransition,
  IllegalSessionTransitionError,
  SESSION_STATUSES,
  SESSION_TRANSITIONS,
} from './session-state.js';

describe('session state machine', () => {
  it('lets a session go scheduled -> open -> live -> ended', () => {
    expect(() => assertTransition('scheduled', 'open')).not.toThrow();
    expect(() => assertTransition('open', 'live')).not.toThrow();
    expect(() => assertTransition('live', 'ended')).not.toThrow();
  });

  it('cancels only sessions that have not started', () => {
    expect(() => assertTransition('scheduled', 'cancelled')).not.toThrow();
    expect(() => assertTransition('open', 'cancelled')).not.toThrow();
    expect(() => assertTransition('live', 'cancelled')).toThrow(IllegalSessionTransitionError);
    expect(() => assertTransition('ended', 'cancelled')).toThrow('cannot become cancelled');
  });

  it('has no way out of ended or cancelled', () => {
    for (const to of SESSION_STATUSES) {
      expect(() => assertTransition('ended', to)).toThrow(IllegalSessionTransitionError);
      expect(() => assertTransition('cancelled', to)).toThrow(IllegalSessionTransitionError);
    }
    expect(SESSION_TRANSITIONS.ended).toEqual([]);
  });
});
