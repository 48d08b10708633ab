import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ReadinessService, Liveness, Readiness } from '#health';
import { Public } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  /** Liveness: the process is up and serving. */
  @ApiAnswer(Liveness)
  @Get()
  live(): Liveness {
    return { status: 'ok' };
  }

  /** Readiness: the database and the queue answer; 503 with the details otherwise. */
  @ApiAnswer(Readiness, 'Ready')
  @ApiServiceUnavailableResponse({ type: Readiness, description: 'Not ready: see `error`' })
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<Readiness> {
    try {
      return await this.readiness.check();
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503);
      // Terminus puts the health check result in the exception.
      return error.getResponse() as Readiness;
    }
  }
}
