import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AnyMachineSnapshot } from 'xstate';
import { ProcedureCatalog } from '../procedures/procedure-catalog.service.js';
import { awaitingRoles } from './awaiting.js';
import { MatterRepository } from './matter.repository.js';

const BATCH = 500;

/** Fills in what running matters from before the inbox existed wait for; a no-op once done. */
@Injectable()
export class AwaitingBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger(AwaitingBackfill.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly matters: MatterRepository,
    private readonly catalog: ProcedureCatalog,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    let filled = 0;
    for (;;) {
      const batch = await this.matters.withoutAwaiting(this.dataSource.manager, BATCH);
      for (const matter of batch) {
        const procedure = await this.catalog.get(
          this.dataSource.manager,
          matter.procedureId,
          matter.procedureVersion,
        );
        const snapshot = procedure.machine.resolveState(matter.snapshot as never) as AnyMachineSnapshot;
        await this.matters.setAwaiting(this.dataSource.manager, matter, awaitingRoles(procedure, snapshot));
      }
      filled += batch.length;
      if (batch.length < BATCH) break;
    }
    if (filled > 0) this.logger.log(`Computed what ${filled} running matter(s) wait for`);
  }
}
