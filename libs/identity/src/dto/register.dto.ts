import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { IsNewPassword } from '../password-policy.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegisterDto {
  @ApiProperty({ example: 'sam@example.org' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 10, maxLength: 256, description: 'Not a common password' })
  @IsNewPassword()
  password!: string;

  @ApiProperty({ description: 'The alias other members see', example: 'Sam' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  displayName!: string;
}

export class LoginDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(256)
  password!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  refreshToken!: string;
}

export class VerifyEmailDto {
  @ApiProperty({ description: 'The token from the verification link' })
  @IsString()
  @MaxLength(200)
  token!: string;
}
