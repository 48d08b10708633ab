/**
 * The first language tag of an Accept-Language header as language-REGION (`bn-BD`, `zh-TW` from
 * `zh-Hant-TW`) or a bare language (`es` from `es-419`): crisis resources never fall back to
 * another country's numbers. `en-US` only when the header names no language at all.
 */
export function preferredLocale(header: string | undefined): string {
  const first = header?.split(',')[0]?.split(';')[0]?.trim() ?? '';
  const [language, ...rest] = first.split('-');
  if (!language || !/^[a-zA-Z]{2,3}$/.test(language)) return 'en-US';
  const region = rest.reverse().find((part) => /^[a-zA-Z]{2}$/.test(part));
  return region ? `${language.toLowerCase()}-${region.toUpperCase()}` : language.toLowerCase();
}
