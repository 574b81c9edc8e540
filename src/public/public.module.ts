import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { ProceduresModule } from '../procedures/procedures.module.js';
import { TimeModule } from '../time/time.module.js';
import { ChainHeadsService } from './chain-heads.service.js';
import { DisclosureModule } from '../disclosure/disclosure.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { PublicBoardRepository } from './public-board.repository.js';
import { PublicBoardService } from './public-board.service.js';
import { PublicController } from './public.controller.js';

@Module({
  imports: [DisclosureModule, EngineModule, IdentityModule, ProceduresModule, TimeModule],
  controllers: [PublicController],
  providers: [ChainHeadsService, PublicBoardRepository, PublicBoardService],
  exports: [ChainHeadsService, PublicBoardService],
})
export class PublicModule {}
