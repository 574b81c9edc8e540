import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { getNextTransitions, type AnyMachineSnapshot } from 'xstate';
import type { JsonObject, JsonSchema, OutcomeKind, Role } from '../../workflows/index.js';
import type { BuiltProcedure } from '../procedures/machine-builder.js';
import { ProcedureCatalog } from '../procedures/procedure-catalog.service.js';
import { EngineExtensions } from './engine-extensions.js';
import type { MatterEntity } from './matter.entity.js';
import { nodesAlong } from './state-path.js';
import { ViewSectionReader } from './view-sections.js';

export type AvailableAction = {
  type: string;
  title: string;
  roles: string[];
  payloadSchema: JsonSchema;
};

/** A matter as a given caller sees it: where it stands and what they may do now. */
export interface MatterView {
  id: string;
  villageId: string;
  title: string;
  procedure: { id: string; version: number; title: string; category: string };
  state: string;
  stage: { key: string; title: string };
  step: { title: string };
  status: 'active' | 'done';
  outcome: { state: string; kind: OutcomeKind; title: string } | null;
  revision: number;
  inputs: JsonObject;
  /** What earlier steps recorded (the proposal, the last objection, …). */
  record: JsonObject;
  availableActions: AvailableAction[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  [section: string]: unknown;
}

@Injectable()
export class MatterViewService {
  /** Built on first use, once every module has registered its sections (again if one is added later). */
  private reader?: { sections: number; rows: ViewSectionReader };

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: ProcedureCatalog,
    private readonly extensions: EngineExtensions,
  ) {}

  async build(db: EntityManager, matter: MatterEntity, callerRoles: ReadonlySet<Role>): Promise<MatterView> {
    const procedure = await this.catalog.forMatter(db, matter);
    const { definition, config } = procedure;
    const nodes = nodesAlong(config, matter.state);
    const { inputs: _inputs, ...record } = (matter.snapshot as { context?: JsonObject }).context ?? {};
    const view: MatterView = {
      id: matter.id,
      villageId: matter.villageId,
      title: matter.title,
      procedure: {
        id: definition.id,
        version: definition.version,
        title: definition.title,
        category: definition.category,
      },
      state: matter.state,
      stage: { key: matter.state.split('.')[0], title: nodes[0]?.meta?.title ?? matter.state },
      step: { title: nodes[nodes.length - 1]?.meta?.title ?? matter.state },
      status: matter.status,
      outcome: matter.outcome
        ? {
            state: matter.outcome,
            kind: definition.outcomes[matter.outcome],
            title: nodes[0]?.meta?.title ?? matter.outcome,
          }
        : null,
      revision: matter.revision,
      inputs: matter.inputs as JsonObject,
      record,
      availableActions: this.availableActions(procedure, matter, callerRoles),
      createdBy: matter.createdBy,
      createdAt: matter.createdAt.toISOString(),
      updatedAt: matter.updatedAt.toISOString(),
    };
    const sections = this.extensions.viewSections();
    if (this.reader?.sections !== sections.size) {
      this.reader = { sections: sections.size, rows: new ViewSectionReader(this.dataSource, sections) };
    }
    const rows = await this.reader.rows.read(db, matter);
    for (const [key, section] of sections) view[key] = await section.shape(rows.get(key) ?? {}, db, matter);
    return view;
  }

  /** Events the current state accepts (guards aside) that the caller holds a role for. */
  private availableActions(
    procedure: BuiltProcedure,
    matter: MatterEntity,
    callerRoles: ReadonlySet<Role>,
  ): AvailableAction[] {
    if (matter.status === 'done') return [];
    const snapshot = procedure.machine.resolveState(matter.snapshot as never) as AnyMachineSnapshot;
    const types = [
      ...new Set(getNextTransitions(snapshot).map((transition) => transition.eventType as string)),
    ];
    return types.flatMap((type) => {
      const spec = procedure.events.get(type)?.spec;
      if (!spec?.roles.some((role) => callerRoles.has(role as Role))) return [];
      return [{ type, title: spec.title, roles: spec.roles, payloadSchema: spec.payload }];
    });
  }
}
