import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { ProceduresModule } from '../procedures/procedures.module.js';
import { ActorFacts } from './actor-facts.js';
import { ConflictSections } from './conflict-sections.js';
import { EngineExtensions } from './engine-extensions.js';
import { MatterConflictRepository } from './matter-conflict.repository.js';
import { EngineService } from './engine.service.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { MatterQueries } from './matter-queries.service.js';
import { MatterRepository } from './matter.repository.js';
import { MatterViewService } from './matter-view.service.js';
import { MattersController } from './matters.controller.js';
import { RequestTransactions } from './request-transactions.js';
import { AwaitingBackfill } from './awaiting-backfill.js';
import { SideActs } from './side-acts.service.js';
import { StrayAttemptRepository } from './stray-attempt.repository.js';
import { TraceModule } from './trace.module.js';

@Module({
  imports: [IdentityModule, ProceduresModule, TraceModule],
  controllers: [MattersController],
  providers: [
    ActorFacts,
    AwaitingBackfill,
    ConflictSections,
    EngineExtensions,
    EngineService,
    MatterConflictRepository,
    IdempotencyRepository,
    MatterQueries,
    MatterRepository,
    MatterViewService,
    RequestTransactions,
    SideActs,
    StrayAttemptRepository,
  ],
  exports: [
    EngineExtensions,
    EngineService,
    MatterRepository,
    MatterConflictRepository,
    MatterQueries,
    SideActs,
    StrayAttemptRepository,
    TraceModule,
  ],
})
export class EngineModule {}
