import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { ProceduresModule } from '../procedures/procedures.module.js';
import { ListVersionRepository } from './list-version.repository.js';
import { ListViews } from './list-views.service.js';
import { ListsController } from './lists.controller.js';
import { ListsService } from './lists.service.js';

/** The power lists: base + X, versioned, changed by the list-adjustment procedure (L1). */
@Module({
  imports: [EngineModule, IdentityModule, ProceduresModule],
  controllers: [ListsController],
  providers: [ListVersionRepository, ListViews, ListsService],
  exports: [ListViews, ListsService],
})
export class ListsModule {}
