import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  decodeCursor,
  encodeCursor,
  invalidCursor,
  type Page,
  type PageRequest,
  isUuid,
} from '#common';

/** The column types a sort key may have; each decides how a cursor value is checked and cast. */
export type SortKeyType = 'timestamp' | 'integer' | 'uuid' | 'text';

export interface SortKey {
  /** An SQL expression over the query's aliases that is never null. */
  expression: string;
  type: SortKeyType;
  order?: 'ASC' | 'DESC';
}

// Microseconds, as PostgreSQL keeps them: a millisecond Date would repeat or skip rows.
const TIMESTAMP = /^([1-9]\d{3})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;
const INT4_MAX = 2_147_483_647;
const SQL_TYPE: Record<SortKeyType, string> = {
  timestamp: 'timestamptz',
  integer: 'integer',
  uuid: 'uuid',
  text: 'text',
};

/** A real calendar instant, checked here so a bad value is a 400 and never a database error. */
function isTimestamp(value: unknown): boolean {
  const parts = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
  if (!parts) return false;
  const [y, mo, d, h, mi, s] = parts.slice(1).map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s
  );
}

const VALID: Record<SortKeyType, (value: unknown) => boolean> = {
  timestamp: isTimestamp,
  integer: (value) => Number.isInteger(value) && Math.abs(value as number) <= INT4_MAX,
  uuid: isUuid,
  // PostgreSQL refuses NUL in text; callers keep text keys short (a prefix) so cursors stay small.
  text: (value) => typeof value === 'string' && value.length <= 64 && !value.includes('\0'),
};

function cursorValues(cursor: string, keys: SortKey[]): (string | number)[] {
  const values = decodeCursor(cursor);
  if (values.length !== keys.length || !keys.every((key, i) => VALID[key.type](values[i]))) {
    throw invalidCursor();
  }
  return values as (string | number)[];
}

/**
 * What a key is read back as for the cursor: timestamps keep their microseconds. Parenthesized,
 * since TypeORM takes a bare `alias.column` as that entity column renamed, and drops it.
 */
const selected = ({ expression, type }: SortKey) =>
  type === 'timestamp'
    ? `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
    : `(${expression})`;

/**
 * `(k1, k2, ...) > (:v1, :v2, ...)` in the keys' order. Row comparison when every key runs the
 * same way (an index range scan); spelled out as ORs when directions are mixed.
 */
function after(keys: SortKey[]): string {
  const value = (i: number) => `CAST(:keyset${i} AS ${SQL_TYPE[keys[i].type]})`;
  const op = (key: SortKey) => (key.order === 'DESC' ? '<' : '>');
  if (keys.every((key) => (key.order ?? 'ASC') === (keys[0].order ?? 'ASC'))) {
    return `(${keys.map((k) => k.expression).join(', ')}) ${op(keys[0])} (${keys.map((_, i) => value(i)).join(', ')})`;
  }
  const branches = keys.map((key, i) =>
    [
      ...keys.slice(0, i).map((k, j) => `${k.expression} = ${value(j)}`),
      `${key.expression} ${op(key)} ${value(i)}`,
    ].join(' AND '),
  );
  return `(${branches.map((b) => `(${b})`).join(' OR ')})`;
}

function prepare<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  keys: SortKey[],
  page: PageRequest,
): SelectQueryBuilder<T> {
  keys.forEach((key, i) => {
    query.addSelect(selected(key), `keyset_${i}`);
    if (i === 0) query.orderBy(key.expression, key.order ?? 'ASC');
    else query.addOrderBy(key.expression, key.order ?? 'ASC');
  });
  if (page.cursor !== undefined) {
    const values = cursorValues(page.cursor, keys);
    query.andWhere(
      after(keys),
      Object.fromEntries(values.map((value, i) => [`keyset${i}`, value])),
    );
  }
  // One row more than asked tells whether another page exists without counting.
  return query.limit(page.limit + 1);
}

function cut<T>(items: T[], raws: Record<string, unknown>[], keys: SortKey[], limit: number) {
  if (items.length <= limit) return { items };
  const last = raws[limit - 1];
  const values = keys.map((key, i) => {
    const value = last[`keyset_${i}`];
    return key.type === 'integer' ? Number(value) : String(value);
  });
  return { items: items.slice(0, limit), nextCursor: encodeCursor(values) };
}

/**
 * Reads one page of a raw query (`select(...)` with aliases) in keyset order. `keys` is the list's
 * order; the last key must be unique (the id), so every row has one place. Answers the rows as
 * selected, without the key columns.
 */
export async function pageOfRaw<R extends ObjectLiteral>(
  query: SelectQueryBuilder<ObjectLiteral>,
  keys: SortKey[],
  page: PageRequest,
): Promise<Page<R>> {
  const raws = await prepare(query, keys, page).getRawMany<Record<string, unknown>>();
  const items = raws.map((raw) => {
    const row = { ...raw };
    keys.forEach((_, i) => delete row[`keyset_${i}`]);
    return row as R;
  });
  return cut(items, raws, keys, page.limit);
}

/** The same as `pageOfRaw` for a query of entities (no joined collections). */
export async function pageOfEntities<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  keys: SortKey[],
  page: PageRequest,
): Promise<Page<T>> {
  const { entities, raw } = await prepare(query, keys, page).getRawAndEntities();
  return cut(entities, raw as Record<string, unknown>[], keys, page.limit);
}
