import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EngineExtensions } from './engine-extensions.js';
import { MatterConflictEntity } from './matter-conflict.entity.js';
import { viewSection } from './view-sections.js';

/** Shows a matter's declared conflicts of interest (回避) with its view. */
@Injectable()
export class ConflictSections implements OnModuleInit {
  constructor(private readonly extensions: EngineExtensions) {}

  onModuleInit(): void {
    this.extensions.registerViewSection(
      'conflicts',
      viewSection({
        rows: { conflicts: { entity: MatterConflictEntity, orderBy: 't.declared_at' } },
        shape: ({ conflicts }) =>
          conflicts.map((conflict) => ({
            personId: conflict.personId,
            relation: conflict.relation,
            note: conflict.note,
            declaredBy: conflict.declaredBy,
            declaredAt: conflict.declaredAt.toISOString(),
          })),
      }),
    );
  }
}
