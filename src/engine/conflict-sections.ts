import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EngineExtensions } from './engine-extensions.js';
import { MatterConflictRepository } from './matter-conflict.repository.js';

/** Shows a matter's declared conflicts of interest (回避) with its view. */
@Injectable()
export class ConflictSections implements OnModuleInit {
  constructor(
    private readonly extensions: EngineExtensions,
    private readonly conflicts: MatterConflictRepository,
  ) {}

  onModuleInit(): void {
    this.extensions.registerViewSection('conflicts', async (db, matter) =>
      (await this.conflicts.listByMatter(db, matter.villageId, matter.id)).map((conflict) => ({
        personId: conflict.personId,
        relation: conflict.relation,
        note: conflict.note,
        declaredBy: conflict.declaredBy,
        declaredAt: conflict.declaredAt.toISOString(),
      })),
    );
  }
}
