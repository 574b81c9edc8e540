import { Module } from '@nestjs/common';
import { DisclosureModule } from '../disclosure/disclosure.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { PublicBoardRepository } from './public-board.repository.js';
import { PublicBoardService } from './public-board.service.js';
import { PublicController } from './public.controller.js';

@Module({
  imports: [DisclosureModule, IdentityModule],
  controllers: [PublicController],
  providers: [PublicBoardRepository, PublicBoardService],
})
export class PublicModule {}
