import type { Type as Class } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { InvalidInputError } from './domain-error.js';
import { IsOmittable } from './validation.js';

export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 200;
export const CURSOR_MAX_LENGTH = 200;

/** `?limit=&cursor=` of every list that can grow (API.md, "Lists"). */
export class PageQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: PAGE_LIMIT_MAX,
    default: PAGE_LIMIT_DEFAULT,
    description: 'How many items to answer at most',
  })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMIT_MAX)
  limit?: number;

  @ApiPropertyOptional({
    maxLength: CURSOR_MAX_LENGTH,
    description: 'The `nextCursor` of the previous page, as it was answered (opaque)',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(CURSOR_MAX_LENGTH)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a nextCursor answered by this list' })
  cursor?: string;
}

/** What a repository needs to read one page: the limit resolved, the cursor still opaque. */
export interface PageRequest {
  limit: number;
  cursor?: string;
}

/** A page of a list: `nextCursor` is there while more items remain. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/**
 * The OpenAPI description of a page of `item`s, for a named page class to extend:
 * `export class SessionPage extends PageOf(SessionView) {}` (extra fields go in its body).
 */
export function PageOf<T>(item: Class<T>) {
  class PageOfItems implements Page<T> {
    @ApiProperty({ type: [item] })
    items!: T[];

    @ApiPropertyOptional({
      description: 'Present while more items remain: pass it as `?cursor=` for the next page',
    })
    nextCursor?: string;
  }
  return PageOfItems;
}

/** The OpenAPI description of a whole, bounded list `{ items }` (no paging), like PageOf. */
export function ListOf<T>(item: Class<T>) {
  class ListOfItems {
    @ApiProperty({ type: [item] })
    items!: T[];
  }
  return ListOfItems;
}

/** The query as the controller got it, with the default limit applied. */
export const pageRequest = (query: PageQueryDto = {}): PageRequest => ({
  limit: query.limit ?? PAGE_LIMIT_DEFAULT,
  cursor: query.cursor,
});

/** The same page with its items mapped; the cursor still points after the last row read. */
export const mapPage = <T, U>(page: Page<T>, map: (item: T) => U): Page<U> =>
  page.nextCursor === undefined
    ? { items: page.items.map(map) }
    : { items: page.items.map(map), nextCursor: page.nextCursor };

/** A cursor is the base64url JSON of the last row's sort key; clients must not build one. */
export const encodeCursor = (values: (string | number)[]): string =>
  Buffer.from(JSON.stringify(values)).toString('base64url');

/** The 400 for a cursor this list did not answer (malformed, tampered, another list's). */
export const invalidCursor = () =>
  new InvalidInputError(
    'validation_failed',
    'cursor is not a nextCursor answered by this list',
    'cursor',
  );

/** The values a cursor carries, or a 400 naming `cursor` when it is not one of ours. */
export function decodeCursor(cursor: string): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values)) return values;
  } catch {
    // Falls through to the same 400 as any other malformed cursor.
  }
  throw invalidCursor();
}
