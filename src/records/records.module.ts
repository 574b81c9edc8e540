import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { ProceduresModule } from '../procedures/procedures.module.js';
import { DossierService } from './dossier.service.js';
import { RecordsController } from './records.controller.js';

/** Records that leave the system: a matter's dossier, printable and as PDF. */
@Module({
  imports: [EngineModule, IdentityModule, MeetingsModule, ProceduresModule],
  controllers: [RecordsController],
  providers: [DossierService],
})
export class RecordsModule {}
