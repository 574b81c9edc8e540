import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class AdvanceClockDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(3660) days?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(24 * 366) hours?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(60 * 24 * 366) minutes?: number;
}
