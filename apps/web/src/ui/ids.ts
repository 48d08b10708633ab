const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids read from the page's address end up in api paths: anything but a UUID could rewrite the
 * path (`../sessions/<id>/cancel#`), so screens refuse such a link before calling the api.
 */
export const isUuid = (value: string | undefined): value is string =>
  value !== undefined && UUID.test(value);
