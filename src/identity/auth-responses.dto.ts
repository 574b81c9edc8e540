import { ApiProperty } from '@nestjs/swagger';
import { NamedRefDto } from '../common/http/named-ref.dto.js';
import { RoleTitleDto } from './identity-responses.dto.js';
import type { RegionKind } from './region.entity.js';

export class LoginAnswerDto {
  @ApiProperty({ description: 'send as `Authorization: Bearer <token>`' }) token: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: NamedRefDto }) person: NamedRefDto;
  @ApiProperty({
    description:
      'the login still has the password whoever opened it gave it: it may only change it (`POST /auth/password`), read `/me` and log out',
  })
  mustChangePassword: boolean;
}

export class MyVillageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [RoleTitleDto], description: 'what the caller may act as in this village today' })
  roles: RoleTitleDto[];
}

/** A township or district post: the roles it gives hold in every village below the region. */
export class MyPostDto extends RoleTitleDto {
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty() regionName: string;
  @ApiProperty({ enum: ['district', 'township', 'village'], enumName: 'RegionKind' }) regionKind: RegionKind;
}

export class MeDto {
  @ApiProperty({ type: NamedRefDto }) person: NamedRefDto;
  @ApiProperty({ description: 'as at login: set your own password before anything else' })
  mustChangePassword: boolean;
  @ApiProperty({ type: [MyVillageDto] }) villages: MyVillageDto[];
  @ApiProperty({ type: [MyPostDto] }) posts: MyPostDto[];
}
