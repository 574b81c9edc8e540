import { Module } from '@nestjs/common';
import { DisclosureModule } from '../disclosure/disclosure.module.js';
import { EngineModule } from '../engine/engine.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { RegistersModule } from '../registers/registers.module.js';
import { AppraisalEffects } from './appraisal-effects.js';
import { AttendanceEffects } from './attendance-effects.js';
import { MeetingAccess } from './meeting-access.js';
import { MeetingEffects } from './meeting-effects.js';
import { MeetingRepository } from './meeting.repository.js';
import { MeetingViews } from './meeting-views.service.js';
import { MeetingsController } from './meetings.controller.js';
import { RuleSetCatalog } from './rule-set.catalog.js';
import { VoteEffects } from './vote-effects.js';

@Module({
  imports: [DisclosureModule, EngineModule, IdentityModule, RegistersModule],
  controllers: [MeetingsController],
  providers: [
    AppraisalEffects,
    AttendanceEffects,
    MeetingAccess,
    MeetingEffects,
    MeetingRepository,
    MeetingViews,
    RuleSetCatalog,
    VoteEffects,
  ],
  exports: [MeetingViews],
})
export class MeetingsModule {}
