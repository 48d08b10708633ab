import {
  ANYWHERE_CRISIS_RESOURCES,
  DEFAULT_CRISIS_RESOURCES,
  defaultCrisisResources,
} from './default-crisis-resources.js';

describe('Crisis resources per locale', () => {
  it('has resources for every locale issue 14 names, each reachable now', () => {
    for (const locale of ['en-US', 'en-GB', 'en-IE', 'bn-BD', 'id-ID']) {
      const items = DEFAULT_CRISIS_RESOURCES[locale];
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.name && item.description).toBeTruthy();
        expect(item.phone ?? item.sms ?? item.url).toBeTruthy();
        if (item.url) expect(item.url).toMatch(/^https:\/\//);
      }
    }
    expect(defaultCrisisResources('en-GB')[0].phone).toBe('116 123');
    expect(defaultCrisisResources('en-US')[0].phone).toBe('988');
  });

  it("uses a bare language's usual region, and never another country's numbers", () => {
    expect(defaultCrisisResources('bn')).toBe(DEFAULT_CRISIS_RESOURCES['bn-BD']);
    expect(defaultCrisisResources('id')).toBe(DEFAULT_CRISIS_RESOURCES['id-ID']);
    expect(defaultCrisisResources('EN-gb')).toBe(DEFAULT_CRISIS_RESOURCES['en-GB']);
    // An Australian or a West Bengal reader gets the directory, not US or Bangladeshi lines.
    expect(defaultCrisisResources('en-AU')).toBe(ANYWHERE_CRISIS_RESOURCES);
    expect(defaultCrisisResources('bn-IN')).toBe(ANYWHERE_CRISIS_RESOURCES);
    expect(defaultCrisisResources('fr')).toBe(ANYWHERE_CRISIS_RESOURCES);
  });
});
