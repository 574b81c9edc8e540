import { Module } from '@nestjs/common';
import { ProcedureCatalog } from './procedure-catalog.service.js';
import { ProceduresController } from './procedures.controller.js';

@Module({
  controllers: [ProceduresController],
  providers: [ProcedureCatalog],
  exports: [ProcedureCatalog],
})
export class ProceduresModule {}
