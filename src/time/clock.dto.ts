import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsInt, IsOptional, Max, Min } from 'class-validator';

export class AdvanceClockDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(3660) days?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(24 * 366) hours?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(60 * 24 * 366) minutes?: number;
  /**
   * An instant to move to, as the server reported it (a public period's `periodEndsAt`, a deadline's
   * `dueAt`): a walk-through then works on any day of the week. An instant already past moves nothing.
   */
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;
}
