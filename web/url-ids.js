// Ids read from a page's URL end up in API paths. Anything but a UUID could rewrite the path
// (`../sessions/<id>/cancel#`), so pages refuse such a link before calling the api.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const INVALID_LINK =
  'This link is not valid. Open the link from your e-mail or calendar again.';

export const isUuid = (value) => typeof value === 'string' && UUID.test(value);

/** A template tag for API paths: every interpolated id is encoded, so none adds a segment. */
export const apiPath = (parts, ...ids) =>
  parts.reduce((path, part, i) => path + encodeURIComponent(String(ids[i - 1])) + part);
