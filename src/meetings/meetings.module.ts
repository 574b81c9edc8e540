import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { RegistersModule } from '../registers/registers.module.js';
import { MeetingEffects } from './meeting-effects.js';
import { MeetingRepository } from './meeting.repository.js';
import { MeetingViews } from './meeting-views.service.js';
import { MeetingsController } from './meetings.controller.js';
import { RuleSetCatalog } from './rule-set.catalog.js';

@Module({
  imports: [EngineModule, IdentityModule, RegistersModule],
  controllers: [MeetingsController],
  providers: [MeetingEffects, MeetingRepository, MeetingViews, RuleSetCatalog],
  exports: [MeetingViews],
})
export class MeetingsModule {}
