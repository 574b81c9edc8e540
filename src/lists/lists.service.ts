import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  BASE_CATALOG,
  ITEM_CODE,
  NEGATIVE_LIST,
  SYSTEM_PROCEDURES,
  type JsonObject,
  type ProcedureDefinition,
} from '../../workflows/index.js';
import { digestOf } from '../common/canonical-json.js';
import { DomainError } from '../common/errors/domain-error.js';
import { fitsPgInteger } from '../common/pg-integer.js';
import { LocalTime } from '../common/local-time.js';
import { EngineExtensions, type EffectContext, type ItemInForce } from '../engine/engine-extensions.js';
import { AccessService } from '../identity/access.service.js';
import { RegionRepository } from '../identity/region.repository.js';
import { ProcedureCatalog } from '../procedures/procedure-catalog.service.js';
import { ProcedureVersionEntity } from '../procedures/procedure-version.entity.js';
import { admit, admitBase, type Admission, type BaseAdmission, type ListChange } from './admission.js';
import {
  EMPTY_VILLAGE_LIST,
  effectiveItems,
  type BaseListDocument,
  type EffectiveItem,
  type VillageListDocument,
} from './list-documents.js';
import type { ListVersionEntity } from './list-version.entity.js';
import { ListVersionRepository } from './list-version.repository.js';

/** The first base list covers all history: matters before lists existed ran on the base catalog. */
const BEGINNING = '2000-01-01';
const SYSTEM_IDS = new Set(SYSTEM_PROCEDURES.map((procedure) => procedure.id));

/** A village's list on a date: the base and village versions it is made of, and its items. */
export interface ListInForce {
  base: ListVersionEntity;
  village: ListVersionEntity | null;
  items: EffectiveItem[];
  responsibilities: VillageListDocument['responsibilities'];
  negative: BaseListDocument['negative'];
}

/**
 * The power lists ("basic catalog + X"): each district's base list and each village's own, as
 * versioned documents. Decides which item a village may start on a date and on which procedure version;
 * publishes a village's new version when its list-adjustment matter (L1) is approved.
 */
@Injectable()
export class ListsService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(ListsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly versions: ListVersionRepository,
    private readonly regions: RegionRepository,
    private readonly access: AccessService,
    private readonly catalog: ProcedureCatalog,
    private readonly extensions: EngineExtensions,
    private readonly time: LocalTime,
  ) {}

  onModuleInit(): void {
    this.extensions.registerProcedureResolver((db, villageId, code, date) =>
      this.itemInForce(db, villageId, code, date),
    );
    this.extensions.registerStartCheck('L1', async (db, villageId, inputs, today) => {
      const admission = await this.admission(db, villageId, inputs.changes as unknown as ListChange[], today);
      if (admission.issues.length > 0) throw this.refusal(admission);
    });
    this.extensions.registerEffect('publishListChange', (context) => this.publish(context));
    this.extensions.registerStartCheck('L2', async (db, districtId, inputs) => {
      const admission = await this.baseAdmission(db, districtId, inputs.changes as unknown as ListChange[]);
      if (admission.issues.length > 0) throw this.refusal(admission);
    });
    this.extensions.registerEffect('publishBaseListChange', (context) => this.publishBaseChange(context));
  }

  /** A software release may bring new base procedure versions: each district's base list follows. */
  async onApplicationBootstrap(): Promise<void> {
    const db = this.dataSource.manager;
    const districts: { id: string }[] = await db.query(`SELECT id FROM region WHERE kind = 'district'`);
    let published = 0;
    for (const { id } of districts) if (await this.refreshBase(db, id)) published++;
    if (published > 0) this.logger.log(`Base list updated from the catalog in ${published} district(s)`);
  }

  /** Which procedure version (and parameters) the village may start `code` with on `date`. */
  async itemInForce(
    db: EntityManager,
    villageId: string,
    code: string,
    date: string,
  ): Promise<ItemInForce | null> {
    if (SYSTEM_IDS.has(code)) return null;
    const list = await this.inForce(db, villageId, date);
    const item = list.items.find((candidate) => candidate.code === code);
    if (!item && !new RegExp(ITEM_CODE).test(code))
      throw new DomainError('PROCEDURE.NOT_FOUND', { procedureId: code });
    if (!item) throw new DomainError('LIST.ITEM_NOT_IN_FORCE', { code, date }, code);
    return {
      procedureId: item.procedureId,
      version: item.version,
      parameters: item.parameters,
      listVersion: list.village?.version ?? 0,
    };
  }

  async inForce(db: EntityManager, villageId: string, date: string): Promise<ListInForce> {
    const base = await this.baseInForce(db, villageId, date);
    const village = await this.versions.inForce(db, villageId, date);
    return this.combine(base, village);
  }

  /** A village's version by number (0: the base list alone), with the base list in force on its date. */
  async atVersion(db: EntityManager, villageId: string, version: number): Promise<ListInForce> {
    if (!fitsPgInteger(version)) throw new DomainError('LIST.VERSION_NOT_FOUND', { version });
    if (version === 0) {
      const first = await this.versions.byNumber(db, villageId, 1);
      return this.combine(
        await this.baseInForce(db, villageId, first?.effectiveFrom ?? this.time.today()),
        null,
      );
    }
    const village = await this.versions.byNumber(db, villageId, version);
    if (!village) throw new DomainError('LIST.VERSION_NOT_FOUND', { version });
    return this.combine(await this.baseInForce(db, villageId, village.effectiveFrom), village);
  }

  history(db: EntityManager, villageId: string) {
    return this.versions.history(db, villageId);
  }

  /** The admission check of a list change, against the village's newest version (in force or not yet). */
  async admission(
    db: EntityManager,
    villageId: string,
    changes: ListChange[],
    today: string,
  ): Promise<Admission> {
    const base = await this.baseInForce(db, villageId, today);
    const latest = await this.versions.latest(db, villageId);
    const current = (latest?.document as unknown as VillageListDocument | undefined) ?? EMPTY_VILLAGE_LIST;
    return admit(base.document as unknown as BaseListDocument, current, changes, {
      villageId,
      definition: async (id, version) => (await this.catalog.get(db, id, version)).definition,
      versionFor: (id, hash) => this.versionFor(db, id, hash),
      isCadre: async (personId) => {
        const roles = await this.access.rolesIn(db, personId, villageId, today);
        return roles.has('secretary') || roles.has('committee_member');
      },
    });
  }

  /** The admission check of a change to a district's base list, against its newest version. */
  async baseAdmission(db: EntityManager, districtId: string, changes: ListChange[]): Promise<BaseAdmission> {
    await this.refreshBase(db, districtId);
    const latest = (await this.versions.latest(db, districtId))!;
    return admitBase(latest.document as unknown as BaseListDocument, changes, {
      definition: async (id, version) => (await this.catalog.get(db, id, version)).definition,
      versionFor: (id, hash) => this.versionFor(db, id, hash),
    });
  }

  private async publishBaseChange({ db, matter, today }: EffectContext): Promise<void> {
    const inputs = matter.inputs as JsonObject;
    const admission = await this.baseAdmission(
      db,
      matter.villageId,
      inputs.changes as unknown as ListChange[],
    );
    if (admission.issues.length > 0) throw this.refusal(admission);
    for (const definition of admission.definitions) await this.catalog.register(db, definition, 'runtime');
    const requested = inputs.effectiveFrom as string;
    await this.publishBase(
      db,
      matter.villageId,
      await this.versions.latest(db, matter.villageId),
      admission.document,
      {
        effectiveFrom: requested > today ? requested : today,
        reason: inputs.title as string,
        matterId: matter.id,
      },
    );
  }

  refusal(admission: { issues: Admission['issues'] }): DomainError {
    const first = admission.issues[0];
    return new DomainError(
      'LIST.CHANGE_INVALID',
      { issues: admission.issues },
      `第 ${first.change + 1} 项调整（${first.code}）：${first.message}`,
    );
  }

  /** On approval: checks the changes again, registers the new procedures, publishes the version. */
  private async publish({ db, matter, now, today }: EffectContext): Promise<void> {
    const inputs = matter.inputs as JsonObject;
    const admission = await this.admission(
      db,
      matter.villageId,
      inputs.changes as unknown as ListChange[],
      today,
    );
    if (admission.issues.length > 0) throw this.refusal(admission);
    for (const definition of admission.definitions) await this.catalog.register(db, definition, 'runtime');
    const latest = await this.versions.latest(db, matter.villageId);
    const requested = inputs.effectiveFrom as string;
    await this.versions.insert(db, {
      scopeId: matter.villageId,
      version: (latest?.version ?? 0) + 1,
      kind: 'village',
      effectiveFrom: requested > today ? requested : today,
      document: admission.document,
      contentHash: digestOf(admission.document),
      reason: inputs.title as string,
      matterId: matter.id,
      publishedAt: now,
    });
  }

  private combine(base: ListVersionEntity, village: ListVersionEntity | null): ListInForce {
    const baseDocument = base.document as unknown as BaseListDocument;
    const villageDocument =
      (village?.document as unknown as VillageListDocument | undefined) ?? EMPTY_VILLAGE_LIST;
    return {
      base,
      village,
      items: effectiveItems(baseDocument, villageDocument),
      responsibilities: villageDocument.responsibilities,
      negative: baseDocument.negative,
    };
  }

  private async baseInForce(db: EntityManager, villageId: string, date: string): Promise<ListVersionEntity> {
    const lineage = await this.regions.lineage(db, villageId);
    if (!lineage) throw new DomainError('REGION.NOT_FOUND', { regionId: villageId });
    const districtId = lineage.district.id;
    const found = await this.versions.inForce(db, districtId, date);
    if (found) return found;
    await this.refreshBase(db, districtId);
    return (await this.versions.inForce(db, districtId, date))!;
  }

  /**
   * Follows a software release: when the catalog shipped differs from the one the district's newest base
   * version follows, publishes a version with the release's procedure versions and new items, keeping
   * what the district itself changed (L2: its items, parameters, retirements of other items).
   */
  private async refreshBase(db: EntityManager, districtId: string): Promise<boolean> {
    const shipped = BASE_CATALOG.map((definition: ProcedureDefinition) => ({
      code: definition.id,
      procedureId: definition.id,
      version: definition.version,
      parameters: {},
    }));
    const release = digestOf({ items: shipped, negative: NEGATIVE_LIST });
    const latest = await this.versions.latest(db, districtId);
    const current = latest?.document as unknown as BaseListDocument | undefined;
    if (current?.release === release) return false;
    const released = new Map(shipped.map((item) => [item.code, item]));
    const previous = new Map((current?.items ?? []).map((item) => [item.code, item]));
    const kept = (current?.items ?? []).map((item) => {
      const update = released.get(item.code);
      return update && update.procedureId === item.procedureId ? { ...item, version: update.version } : item;
    });
    const document: BaseListDocument = {
      items: [...kept, ...shipped.filter((item) => !previous.has(item.code))],
      negative: [...NEGATIVE_LIST],
      release,
    };
    await this.publishBase(db, districtId, latest, document, {
      effectiveFrom: latest ? this.time.today() : BEGINNING,
      reason: latest ? '随系统版本更新基本目录' : '区级基本目录',
      matterId: null,
    });
    return true;
  }

  private async publishBase(
    db: EntityManager,
    districtId: string,
    latest: ListVersionEntity | null,
    document: BaseListDocument,
    how: { effectiveFrom: string; reason: string; matterId: string | null },
  ): Promise<void> {
    // A release is published by whichever process starts first; an approval must publish or fail.
    const row: ListVersionEntity = {
      scopeId: districtId,
      version: (latest?.version ?? 0) + 1,
      kind: 'base',
      document: document,
      contentHash: digestOf(document),
      publishedAt: this.time.now(),
      ...how,
    };
    if (how.matterId) await this.versions.insert(db, row);
    else await this.versions.insertIfAbsent(db, row);
  }

  /** The stored version with this content, or the next number for a changed procedure. */
  private async versionFor(db: EntityManager, procedureId: string, contentHash: string): Promise<number> {
    const rows = await db.find(ProcedureVersionEntity, {
      where: { procedureId },
      order: { version: 'DESC' },
    });
    const same = rows.find((row) => digestOf({ ...row.definition, version: 0 }) === contentHash);
    return same?.version ?? (rows[0]?.version ?? 0) + 1;
  }
}
