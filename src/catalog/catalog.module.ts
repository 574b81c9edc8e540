import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { ProceduresModule } from '../procedures/procedures.module.js';
import { CatalogController } from './catalog.controller.js';
import { CatalogService } from './catalog.service.js';
import { FlowchartCache } from './flowchart-cache.js';

@Module({
  imports: [EngineModule, ProceduresModule],
  controllers: [CatalogController],
  providers: [CatalogService, FlowchartCache],
  exports: [CatalogService],
})
export class CatalogModule {}
