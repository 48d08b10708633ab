import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { IsNewPassword } from '../password-policy.js';

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(256)
  currentPassword!: string;

  @ApiProperty({ minLength: 10, maxLength: 256, description: 'Not a common password' })
  @IsNewPassword()
  newPassword!: string;
}

export class RequestPasswordResetDto {
  @ApiProperty({ example: 'sam@example.org' })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class ConfirmPasswordResetDto {
  @ApiProperty({ description: 'The token from the reset link' })
  @IsString()
  @MaxLength(200)
  token!: string;

  @ApiProperty({ minLength: 10, maxLength: 256, description: 'Not a common password' })
  @IsNewPassword()
  newPassword!: string;
}
