import { ApiProperty } from '@nestjs/swagger';

/** A person, village or region as answers name it: its id, and its name for people to read. */
export class NamedRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}
