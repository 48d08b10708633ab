import { hasContactOrLink, hasWatchedWord, readsLikeCrisis, screenPost } from './post-screening.js';

describe('screenPost', () => {
  it('holds links with and without a scheme, e-mail addresses and phone numbers', () => {
    expect(hasContactOrLink('read https://example.com/cure now')).toBe(true);
    expect(hasContactOrLink('try cure-depression.com today')).toBe(true);
    expect(hasContactOrLink('write me at ana@example.org')).toBe(true);
    expect(hasContactOrLink('call me on +880 1712-345678')).toBe(true);
    expect(hasContactOrLink('আমাকে ফোন করো ০১৭১২৩৪৫৬৭৮')).toBe(true);
    expect(hasContactOrLink('I slept 8 hours. Week 3 was better.')).toBe(false);
  });

  it('matches watched words whole and in any case, in Bengali script too', () => {
    expect(hasWatchedWord('Stop your Pills now', ['pills'])).toBe(true);
    expect(hasWatchedWord('spills everywhere', ['pills'])).toBe(false);
    expect(hasWatchedWord('ওষুধ বন্ধ করো', ['ওষুধ'])).toBe(true);
    // A Bengali vowel sign after the word makes another word.
    expect(hasWatchedWord('ওষুধে', ['ওষুধ'])).toBe(false);
    expect(hasWatchedWord('anything', [])).toBe(false);
  });

  it('reads crisis phrases in English, Bengali and Indonesian at word boundaries', () => {
    expect(readsLikeCrisis('Sometimes I want to  DIE.')).toBe(true);
    expect(readsLikeCrisis('আমি আর বাঁচতে চাই না')).toBe(true);
    expect(readsLikeCrisis('aku ingin mati saja')).toBe(true);
    expect(readsLikeCrisis('The plants want to dies')).toBe(false);
    expect(readsLikeCrisis('My walk today helped')).toBe(false);
  });

  it('answers every reason that holds a post', () => {
    expect(screenPost('I want to die, see x.com', ['see'])).toEqual({
      crisis: true,
      reasons: ['link', 'watched_word', 'crisis'],
    });
    expect(screenPost('A good week', [])).toEqual({ crisis: false, reasons: [] });
  });
});
