import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ReadinessService } from './readiness.service.js';

@Module({
  imports: [TerminusModule.forRoot()],
  providers: [ReadinessService],
  exports: [ReadinessService],
})
export class HealthModule {}
