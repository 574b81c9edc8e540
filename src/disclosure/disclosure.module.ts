import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { TimeModule } from '../time/time.module.js';
import { AttachmentsService } from './attachments.service.js';
import { DisclosureController } from './disclosure.controller.js';
import { DisclosureEffects } from './disclosure-effects.js';
import { DisclosureRepository } from './disclosure.repository.js';
import { DisclosureViews } from './disclosure-views.js';
import { ObligationQueries } from './obligation-queries.service.js';
import { ObligationRepository } from './obligation.repository.js';
import { ObligationService } from './obligation.service.js';
import { StepDeadlineEffects } from './step-deadline.effects.js';

@Module({
  imports: [EngineModule, IdentityModule, TimeModule],
  controllers: [DisclosureController],
  providers: [
    AttachmentsService,
    DisclosureEffects,
    DisclosureRepository,
    DisclosureViews,
    ObligationQueries,
    ObligationRepository,
    ObligationService,
    StepDeadlineEffects,
  ],
  exports: [AttachmentsService, DisclosureRepository, ObligationRepository, ObligationService],
})
export class DisclosureModule {}
