/** A group's tags: lower-case words joined by hyphens, a few per group. */
export const TAG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const MAX_TAGS = 10;

/** A short BCP 47 tag: a language, optionally a script and a region (`en`, `bn`, `pt-BR`, `zh-Hant`). */
export const GROUP_LANGUAGE = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/;

/**
 * Well-known tags for specialized needs, offered as suggestions when a group is created; any
 * other tag that fits `TAG_PATTERN` is accepted too.
 */
export const SUGGESTED_GROUP_TAGS = [
  'postpartum',
  'perinatal',
  'seasonal',
  'treatment-resistant',
  'bipolar-depression',
  'anxiety',
  'grief',
  'young-adults',
  'older-adults',
  'caregivers',
  'lgbtq',
  'chronic-illness',
  'students',
  'men',
  'women',
] as const;
