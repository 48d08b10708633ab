import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto, IsOmittable } from '#common';

export class OverrideAttendanceDto {
  @ApiProperty({ enum: ['present', 'excused'] })
  @IsIn(['present', 'excused'])
  status!: 'present' | 'excused';

  @ApiProperty({ description: 'Why; kept with who decided and when' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

/** A page of a webinar's attendance, or the whole of it as CSV. */
export class WebinarAttendanceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOmittable()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
