import { ApiProperty, ApiPropertyOptional, type SchemaObject } from '@nestjs/swagger';
import type { HealthCheckResult, HealthIndicatorResult } from '@nestjs/terminus';

/** Per dependency (`database`, `queue`): `{ status: "up" | "down", ...details }`. */
const byDependency: { type: 'object'; additionalProperties: SchemaObject } = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', enum: ['up', 'degraded', 'down'] } },
    additionalProperties: true,
  },
};

export class Liveness {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

/** Whether the database and the queue answer (terminus' health check result). */
export class Readiness implements HealthCheckResult {
  @ApiProperty({ enum: ['error', 'ok', 'degraded', 'shutting_down'] })
  status!: HealthCheckResult['status'];

  @ApiPropertyOptional({ ...byDependency, description: 'The dependencies that answer' })
  info?: Partial<HealthIndicatorResult>;

  @ApiPropertyOptional({ ...byDependency, description: 'The dependencies that do not' })
  error?: Partial<HealthIndicatorResult>;

  @ApiProperty(byDependency)
  details!: HealthIndicatorResult;
}
