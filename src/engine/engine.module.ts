import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { ProceduresModule } from '../procedures/procedures.module.js';
import { ActorFacts } from './actor-facts.js';
import { ChainCheckpointRepository } from './chain-checkpoint.repository.js';
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
import { TraceRepository } from './trace.repository.js';
import { TraceService } from './trace.service.js';

@Module({
  imports: [IdentityModule, ProceduresModule],
  controllers: [MattersController],
  providers: [
    ActorFacts,
    AwaitingBackfill,
    ChainCheckpointRepository,
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
    TraceRepository,
    TraceService,
  ],
  exports: [
    ChainCheckpointRepository,
    EngineExtensions,
    EngineService,
    TraceService,
    MatterRepository,
    MatterConflictRepository,
    MatterQueries,
    SideActs,
    StrayAttemptRepository,
    TraceRepository,
  ],
})
export class EngineModule {}
