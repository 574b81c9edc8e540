import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JsonObject, JsonValue, Role } from '../../workflows/index.js';
import type { SqlWrites } from '../common/sql-query.js';
import type { BuiltProcedure } from '../procedures/machine-builder.js';
import type { MatterEvent } from '../procedures/matter-event.js';
import { EFFECT_SPECS, FACT_SPECS } from '../procedures/vocabulary.js';
import type { MatterEntity } from './matter.entity.js';
import { settleOutsideScopeCtes, type ScopedTable } from './scoped-rows.js';
import type { AnyViewSection } from './view-sections.js';

/** What an effect handler sees: the transaction, the matter, the event and the states around it. */
export interface EffectContext {
  db: EntityManager;
  matter: MatterEntity;
  procedure: BuiltProcedure;
  event: MatterEvent;
  stateBefore: string;
  stateAfter: string;
  now: Date;
  today: string;
}
export type EffectHandler = (context: EffectContext, params: JsonObject) => Promise<void>;

export interface FactContext {
  db: EntityManager;
  matter: MatterEntity;
  actorPersonId: string | null;
  actorRoles: ReadonlySet<Role>;
  payload: JsonObject;
  now: Date;
  today: string;
}
export type FactProvider = (context: FactContext) => Promise<JsonValue>;

/** The procedure version and parameters a village may start an item with on a date, from its list. */
export interface ItemInForce {
  procedureId: string;
  version: number;
  parameters: JsonObject;
  listVersion: number | null;
}
export type ProcedureResolver = (
  db: EntityManager,
  villageId: string,
  code: string,
  date: string,
) => Promise<ItemInForce | null>;

/** A check of a new matter's inputs beyond their schema (e.g. a list change's admission check). */
export type StartCheck = (
  db: EntityManager,
  villageId: string,
  inputs: JsonObject,
  today: string,
) => Promise<void>;

/**
 * Where domain modules plug into the engine: effects named by procedures, facts for guards, tables whose
 * rows belong to a state, and sections of the matter view. Modules register on init; the engine refuses to
 * start if a name in the vocabulary has no implementation.
 */
@Injectable()
export class EngineExtensions {
  private readonly effects = new Map<string, EffectHandler>();
  private readonly facts = new Map<string, FactProvider>();
  private readonly scopedTables = new Set<ScopedTable>();
  private readonly sections = new Map<string, AnyViewSection>();
  private readonly startChecks = new Map<string, StartCheck>();
  /** Built once every module has registered its scoped tables (the first time a matter leaves a state). */
  private leaveStatesCtes?: string;
  private resolver?: ProcedureResolver;

  registerEffect(name: keyof typeof EFFECT_SPECS, handler: EffectHandler): void {
    this.effects.set(name, handler);
  }

  registerFact(name: keyof typeof FACT_SPECS, provider: FactProvider): void {
    this.facts.set(name, provider);
  }

  /** Rows of this table belong to a state of a matter and are settled when the matter leaves it. */
  registerScopedTable(table: ScopedTable): void {
    this.scopedTables.add(table);
    this.leaveStatesCtes = undefined;
  }

  /** Adds a section (meetings, disclosures, deadlines) to the view of a matter. */
  registerViewSection(key: string, section: AnyViewSection): void {
    this.sections.set(key, section);
  }

  /** The power lists decide which items a village may start, on which version (one resolver). */
  registerProcedureResolver(resolver: ProcedureResolver): void {
    this.resolver = resolver;
  }

  registerStartCheck(procedureId: string, check: StartCheck): void {
    this.startChecks.set(procedureId, check);
  }

  /** Null: not a list item (a system procedure), or no lists yet; the newest version applies. */
  async resolveProcedure(...args: Parameters<ProcedureResolver>): Promise<ItemInForce | null> {
    return this.resolver ? this.resolver(...args) : null;
  }

  startCheck(procedureId: string): StartCheck | undefined {
    return this.startChecks.get(procedureId);
  }

  effect(name: string): EffectHandler {
    const handler = this.effects.get(name);
    if (!handler) throw new Error(`No handler for effect ${name}`);
    return handler;
  }

  fact(name: string): FactProvider {
    const provider = this.facts.get(name);
    if (!provider) throw new Error(`No provider for fact ${name}`);
    return provider;
  }

  /** The writes that settle the rows of the states the matter leaves (none if no module keeps any). */
  leavingStates(matter: MatterEntity, activeStates: string[], now: Date): SqlWrites[] {
    if (this.scopedTables.size === 0) return [];
    this.leaveStatesCtes ??= settleOutsideScopeCtes([...this.scopedTables]);
    return [{ ctes: this.leaveStatesCtes, params: [matter.villageId, matter.id, activeStates, now] }];
  }

  viewSections(): ReadonlyMap<string, AnyViewSection> {
    return this.sections;
  }

  /** Names the vocabulary promises that no module implements. */
  missing(): string[] {
    return [
      ...Object.keys(EFFECT_SPECS).filter((name) => !this.effects.has(name)),
      ...Object.keys(FACT_SPECS).filter((name) => !this.facts.has(name)),
    ];
  }
}
