import { preferredLocale } from './preferred-locale.js';

describe('preferredLocale', () => {
  it.each([
    ['bn-BD,bn;q=0.9,en;q=0.5', 'bn-BD'],
    ['en-gb', 'en-GB'],
    ['id', 'id'],
    ['zh-Hant-TW,zh;q=0.8', 'zh-TW'],
    ['es-419', 'es'],
    ['', 'en-US'],
    ['*', 'en-US'],
    [undefined, 'en-US'],
  ])('reads %p as %p', (header, locale) => {
    expect(preferredLocale(header)).toBe(locale);
  });
});
