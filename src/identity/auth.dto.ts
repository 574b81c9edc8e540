import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsText } from '../common/is-text.js';

export class LoginDto {
  @ApiProperty({ example: 'secretary' }) @IsText() @MinLength(1) @MaxLength(64) username: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(256) password: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @MaxLength(256) currentPassword: string;
  @ApiProperty() @IsString() @MinLength(8) @MaxLength(256) newPassword: string;
}
