import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, type SchemaObject } from '@nestjs/swagger';

const str = { type: 'string' } as const;
const uuid = { type: 'string', format: 'uuid' } as const;
const instant = { type: 'string', format: 'date-time' } as const;
const int = { type: 'integer' } as const;

/** Item fields used by several lists' OpenAPI descriptions. */
export const schema = { str, uuid, instant, int };

/**
 * Describes a paged list's 200: `{ items, nextCursor? }`. The query side (`limit`, `cursor`) comes
 * from PageQueryDto on the route's `@Query()`.
 */
export const ApiPage = (
  description: string,
  item: Record<string, SchemaObject>,
  extra: Record<string, SchemaObject> = {},
) =>
  applyDecorators(
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items'],
        properties: {
          items: { type: 'array', items: { type: 'object', properties: item } },
          nextCursor: {
            type: 'string',
            description: 'Present while more items remain: pass it as `?cursor=` for the next page',
          },
          ...extra,
        },
      },
    }),
  );
