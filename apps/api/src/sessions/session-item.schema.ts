import type { SchemaObject } from '@nestjs/swagger';
import { schema } from '../common/api-page.js';

/** A session as lists answer it (SessionView), for the OpenAPI document. */
export const SESSION_ITEM: Record<string, SchemaObject> = {
  id: schema.uuid,
  groupId: schema.uuid,
  sequence: schema.int,
  moduleIndex: schema.int,
  moduleTitle: schema.str,
  startsAt: schema.instant,
  endsAt: schema.instant,
  timezone: schema.str,
  localDate: { type: 'string', format: 'date' },
  localStartTime: { type: 'string', example: '19:00' },
  status: { type: 'string', enum: ['scheduled', 'open', 'live', 'ended', 'cancelled'] },
  cancelReason: { ...schema.str, nullable: true },
};
