import { randomUUID } from 'node:crypto';
import { SignedTokens } from './signed-token.js';

describe(SignedTokens.name, () => {
  const tokens = new SignedTokens('x'.repeat(40), 'purpose');
  const id = randomUUID();

  it('verifies what it signed, for the same bound state only', () => {
    const token = tokens.sign(id, 'v1');
    expect(tokens.idOf(token)).toBe(id);
    expect(tokens.verify(token, id, 'v1')).toBe(true);
    expect(tokens.verify(token, id, 'v2')).toBe(false);
    expect(tokens.verify(token, randomUUID(), 'v1')).toBe(false);
  });

  it('keeps purposes and secrets apart', () => {
    const token = tokens.sign(id);
    expect(new SignedTokens('x'.repeat(40), 'other').verify(token, id)).toBe(false);
    expect(new SignedTokens('y'.repeat(40), 'purpose').verify(token, id)).toBe(false);
  });

  it('refuses malformed tokens without throwing', () => {
    for (const bad of ['', 'x.y', `${'0'.repeat(36)}.x`, `${id}`, `${id}.a.b`, `${id}.`]) {
      expect(tokens.idOf(bad) === null || !tokens.verify(bad, id)).toBe(true);
    }
    expect(tokens.verify(`${id}.${'A'.repeat(43)}`, id)).toBe(false);
  });
});
