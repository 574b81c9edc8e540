import { ReadSource } from '../database/read-source.js';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CATEGORY_TITLES, type ProcedureDefinition } from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import { PeopleRepository } from '../identity/people.repository.js';
import { RegionRepository } from '../identity/region.repository.js';
import { ProcedureCatalog } from '../procedures/procedure-catalog.service.js';
import { buildProcedure } from '../procedures/machine-builder.js';
import type { ListChange } from './admission.js';
import { effectiveItems, type BaseListDocument } from './list-documents.js';
import { diffLists, type ComparedItem } from './list-diff.js';
import { ListsService, type ListInForce } from './lists.service.js';

/**
 * The three lists a village publishes (三张清单) as anyone reads them: the micro-power list, who in the
 * two committees handles each item, and the negative list; with their history and what each version
 * changed. No login: villagers must see which list was in force when a matter was decided.
 */
@Injectable()
export class ListViews {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadSource,
    private readonly lists: ListsService,
    private readonly catalog: ProcedureCatalog,
    private readonly people: PeopleRepository,
    private readonly regions: RegionRepository,
    private readonly time: LocalTime,
  ) {}

  /** The lists in force on a date; `where: 'public'` for the public pages (the replica, when one keeps up). */
  async onDate(villageId: string, date = this.time.today(), where: 'console' | 'public' = 'console') {
    const read = async (db: EntityManager) => {
      const village = await this.village(db, villageId);
      return {
        village,
        on: date,
        ...(await this.present(db, await this.lists.inForce(db, villageId, date))),
      };
    };
    // The console must see a change it just published: it reads the primary.
    return where === 'public' ? this.reads.read(read) : read(this.dataSource.manager);
  }

  async atVersion(villageId: string, version: number) {
    // Published versions: read where the public pages read (the replica, when one keeps up).
    return this.reads.read(async (db) => {
      const village = await this.village(db, villageId);
      return { village, ...(await this.present(db, await this.lists.atVersion(db, villageId, version))) };
    });
  }

  async history(villageId: string) {
    // Published versions: read where the public pages read (the replica, when one keeps up).
    return this.reads.read(async (db) => {
      const village = await this.village(db, villageId);
      const versions = await this.lists.history(db, villageId);
      return {
        village,
        versions: versions.map((row) => ({
          version: row.version,
          effectiveFrom: row.effectiveFrom,
          publishedAt: row.publishedAt.toISOString(),
          reason: row.reason,
          matterId: row.matterId,
        })),
      };
    });
  }

  async diff(villageId: string, from: number, to: number) {
    // Published versions: read where the public pages read (the replica, when one keeps up).
    return this.reads.read(async (db) => {
      const village = await this.village(db, villageId);
      const [before, after] = await Promise.all(
        [from, to].map(async (version) =>
          this.compared(db, await this.lists.atVersion(db, villageId, version)),
        ),
      );
      return { village, from, to, ...diffLists(before, after) };
    });
  }

  /**
   * What a village's list-adjustment request would change, against the list in force today: the
   * admission check's issues and the diff, for those who review it.
   */
  async preview(villageId: string, changes: ListChange[]) {
    const db = this.dataSource.manager;
    const today = this.time.today();
    const current = await this.lists.inForce(db, villageId, today);
    const admission = await this.lists.admission(db, villageId, changes, today);
    const proposed: ListInForce = {
      ...current,
      items: effectiveItems(current.base.document as unknown as BaseListDocument, admission.document),
      responsibilities: admission.document.responsibilities,
    };
    const fresh = new Map(
      admission.definitions.map((definition) => [`${definition.id}@${definition.version}`, definition]),
    );
    return {
      issues: admission.issues,
      ...diffLists(await this.compared(db, current), await this.compared(db, proposed, fresh)),
    };
  }

  private async compared(
    db: EntityManager,
    list: ListInForce,
    /** Procedures a pending change brings, not registered yet. */
    fresh: ReadonlyMap<string, ProcedureDefinition> = new Map(),
  ): Promise<ComparedItem[]> {
    return Promise.all(
      list.items.map(async (item) => {
        const pending = fresh.get(`${item.procedureId}@${item.version}`);
        const built = pending
          ? buildProcedure(pending, item.parameters)
          : await this.catalog.get(db, item.procedureId, item.version, item.parameters);
        const responsible = list.responsibilities.find((entry) => entry.code === item.code);
        return {
          code: item.code,
          title: item.title ?? built.definition.title,
          definition: built.definition,
          parameters: built.parameters,
          responsible: responsible ? { personId: responsible.personId, duty: responsible.duty } : null,
        };
      }),
    );
  }

  private async present(db: EntityManager, list: ListInForce) {
    const names = new Map(
      (
        await this.people.findPeople(
          db,
          list.responsibilities.map((entry) => entry.personId),
        )
      ).map((person) => [person.id, person.name]),
    );
    const items = await this.compared(db, list);
    const titleOf = new Map(items.map((item) => [item.code, item.title]));
    return {
      version: {
        village: list.village?.version ?? 0,
        base: list.base.version,
        effectiveFrom: list.village?.effectiveFrom ?? list.base.effectiveFrom,
      },
      powerList: items.map((item, index) => ({
        code: item.code,
        title: item.title,
        category: { code: item.definition.category, title: CATEGORY_TITLES[item.definition.category] },
        origin: list.items[index].origin,
        procedure: { id: item.definition.id, version: item.definition.version },
        startRoles: item.definition.startRoles,
        parameters: item.parameters,
        flowchart: `/api/catalog/${item.definition.id}/flowchart.svg?version=${item.definition.version}`,
      })),
      responsibilityList: list.responsibilities.map((entry) => ({
        code: entry.code,
        title: titleOf.get(entry.code) ?? entry.code,
        person: names.get(entry.personId) ?? '',
        duty: entry.duty,
      })),
      negativeList: list.negative.map((entry) => ({
        code: entry.code,
        text: entry.text,
        basis: entry.basis,
        // Entries the engine checks are refused outright, not only watched for.
        enforced: Boolean(entry.check),
      })),
    };
  }

  private async village(db: EntityManager, villageId: string) {
    const village = await this.regions.findById(db, villageId);
    if (village?.kind !== 'village') throw new DomainError('REGION.NOT_FOUND', { regionId: villageId });
    return { id: village.id, name: village.name };
  }
}
