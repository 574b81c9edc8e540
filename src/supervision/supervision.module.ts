import { Module } from '@nestjs/common';
import { DisclosureModule } from '../disclosure/disclosure.module.js';
import { EngineModule } from '../engine/engine.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { ProceduresModule } from '../procedures/procedures.module.js';
import { TimeModule } from '../time/time.module.js';
import { DocumentRequestRepository } from './document-request.repository.js';
import { DocumentRequestsService } from './document-requests.service.js';
import { InboxService } from './inbox.service.js';
import { LedgerRepository } from './ledger.repository.js';
import { LedgerService } from './ledger.service.js';
import { OverviewRepository } from './overview.repository.js';
import { OverviewService } from './overview.service.js';
import { SupervisionController } from './supervision.controller.js';

@Module({
  imports: [DisclosureModule, EngineModule, IdentityModule, ProceduresModule, TimeModule],
  controllers: [SupervisionController],
  providers: [
    DocumentRequestRepository,
    DocumentRequestsService,
    InboxService,
    LedgerRepository,
    LedgerService,
    OverviewRepository,
    OverviewService,
  ],
  exports: [InboxService, OverviewService, DocumentRequestsService],
})
export class SupervisionModule {}
