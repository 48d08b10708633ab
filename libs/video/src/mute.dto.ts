import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { IsOmittable } from '#common';

export class MuteDto {
  @ApiPropertyOptional({ description: 'One track; without it every microphone track is muted' })
  @IsOmittable()
  @IsString()
  @Matches(/^TR_\w{1,40}$/, { message: 'trackSid must be a LiveKit track sid (TR_...)' })
  trackSid?: string;
}
