import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsUUID, Min } from 'class-validator';

export class EnrollDto {
  @ApiProperty()
  @IsUUID()
  userId!: string;
}

export class ConsentDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  agreementVersion!: number;
}
