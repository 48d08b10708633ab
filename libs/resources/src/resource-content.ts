import { InvalidInputError } from '#common';
import { URL_KINDS, type ResourceKind } from './resource.entity.js';

export interface ResourceContent {
  kind: ResourceKind;
  url: string | null;
  body: string | null;
}

/**
 * What a resource must carry whatever the request changed: videos, audio and links an address;
 * articles and worksheets an address or a text. A 400 naming the missing field.
 */
export function checkContent({ kind, url, body }: ResourceContent): void {
  if (URL_KINDS.includes(kind) && !url) {
    throw new InvalidInputError(
      'validation_failed',
      `url is required for a ${kind}: an https:// address`,
      'url',
    );
  }
  if (!url && !body) {
    throw new InvalidInputError('validation_failed', 'body is required without a url', 'body');
  }
}

/** Tags as stored: trimmed, lower case, each once, in the order given. */
export const normalizeTags = (tags: string[] | undefined): string[] =>
  [...new Set((tags ?? []).map((tag) => tag.trim().toLocaleLowerCase()))].filter(Boolean);

/** An empty text is no text. */
export const textOrNull = (text: string | null | undefined): string | null =>
  text && text.trim() !== '' ? text : null;
