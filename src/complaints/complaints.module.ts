import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { TimeModule } from '../time/time.module.js';
import { ComplaintRepository } from './complaint.repository.js';
import { ComplaintsController } from './complaints.controller.js';
import { ComplaintsService } from './complaints.service.js';
import { PublicComplaintsController } from './public-complaints.controller.js';

@Module({
  imports: [EngineModule, IdentityModule, TimeModule],
  controllers: [ComplaintsController, PublicComplaintsController],
  providers: [ComplaintRepository, ComplaintsService],
  exports: [ComplaintsService],
})
export class ComplaintsModule {}
