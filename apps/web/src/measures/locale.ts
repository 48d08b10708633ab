/** Where a language is mostly spoken, for a browser that names no region. */
const DEFAULT_REGION: Record<string, string> = { bn: 'BD', id: 'ID', en: 'US' };

/**
 * The person's locale for crisis resources: the page's language with the region the browser
 * gives for it (en-GB, en-IE), or where that language is mostly spoken (bn-BD, id-ID).
 */
export function helpLocale(language: string): string {
  const fromBrowser = navigator.languages
    .map((tag) => tag.split('-'))
    .find(([lang, region]) => lang?.toLowerCase() === language && region?.length === 2);
  return `${language}-${(fromBrowser?.[1] ?? DEFAULT_REGION[language] ?? 'US').toUpperCase()}`;
}
