import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { BUILTIN_PROCEDURES, type JsonObject, type ProcedureDefinition } from '../../workflows/index.js';
import { digestOf } from '../common/canonical-json.js';
import { preparedQuery } from '../database/prepared-query.js';
import { DomainError } from '../common/errors/domain-error.js';
import { fitsPgInteger } from '../common/pg-integer.js';
import { LocalTime } from '../common/local-time.js';
import { checkDefinition, type DefinitionIssue } from './definition-checker.js';
import { buildProcedure, type BuiltProcedure } from './machine-builder.js';
import { NewestVersionMemo } from './newest-version-memo.js';
import { ProcedureVersionEntity } from './procedure-version.entity.js';

/**
 * The registered procedure versions. Definitions from `workflows/` are registered at start (a changed
 * definition must carry a new version); every machine is built from the stored JSON, the same path a
 * definition added at run time takes.
 */
@Injectable()
export class ProcedureCatalog implements OnModuleInit {
  private readonly logger = new Logger(ProcedureCatalog.name);
  private readonly built = new Map<string, BuiltProcedure>();
  /** What the full check (the law included) finds in a built version, once per version and parameters. */
  private readonly admission = new Map<BuiltProcedure, DefinitionIssue[]>();
  private readonly newestShown = new NewestVersionMemo();

  constructor(
    private readonly dataSource: DataSource,
    private readonly time: LocalTime,
  ) {}

  async onModuleInit(): Promise<void> {
    for (const definition of BUILTIN_PROCEDURES) {
      await this.register(this.dataSource.manager, definition, 'builtin');
    }
    this.logger.log(`${BUILTIN_PROCEDURES.length} built-in procedure(s) registered`);
  }

  /**
   * Stores a checked definition; the same id and version with other content is refused. A built-in one is
   * built for running only: its admission (governance and the law: nine tenths of the time building the
   * base items takes, on every start) waits for the first matter started on it (`requireAdmissible`), and
   * the suite holds every built-in one to it. A village's item is admitted in full before it is stored.
   */
  async register(
    db: EntityManager,
    definition: ProcedureDefinition,
    origin: 'builtin' | 'runtime',
  ): Promise<void> {
    const built = buildProcedure(definition, {}, origin === 'builtin' ? 'structure' : 'admission');
    const contentHash = digestOf(definition);
    await db.query(
      `INSERT INTO procedure_version (procedure_id, version, title, category, definition, content_hash, origin, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [
        definition.id,
        definition.version,
        definition.title,
        definition.category,
        JSON.stringify(definition),
        contentHash,
        origin,
        this.time.now(),
      ],
    );
    const stored = await db.findOneByOrFail(ProcedureVersionEntity, {
      procedureId: definition.id,
      version: definition.version,
    });
    if (stored.contentHash !== contentHash) {
      throw new DomainError(
        'PROCEDURE.DEFINITION_CHANGED',
        { procedureId: definition.id, version: definition.version },
        `${definition.id} 第 ${definition.version} 版`,
      );
    }
    this.built.set(`${definition.id}@${definition.version}`, built);
    this.newestShown.forget(definition.id);
  }

  /** A version, built with a village's parameter values where its list overrides the defaults. */
  async get(
    db: EntityManager,
    procedureId: string,
    version: number,
    overrides: JsonObject = {},
  ): Promise<BuiltProcedure> {
    const tuned = Object.keys(overrides).length > 0;
    const key = `${procedureId}@${version}${tuned ? `#${digestOf(overrides)}` : ''}`;
    const cached = this.built.get(key);
    if (cached) return cached;
    if (!fitsPgInteger(version)) throw new DomainError('PROCEDURE.NOT_FOUND', { procedureId, version });
    const definition = tuned
      ? (await this.get(db, procedureId, version)).definition
      : (await db.findOneBy(ProcedureVersionEntity, { procedureId, version }))?.definition;
    if (!definition) throw new DomainError('PROCEDURE.NOT_FOUND', { procedureId, version });
    // Stored versions are built for running; whether a new matter may start on one is `requireAdmissible`.
    const built = buildProcedure(definition, overrides, 'structure');
    this.built.set(key, built);
    return built;
  }

  /**
   * Refuses a new matter on a version (with its parameters) that the checker, as the law stands in this
   * release, would not admit: matters already running on it finish, none starts.
   */
  requireAdmissible(procedure: BuiltProcedure): void {
    let issues = this.admission.get(procedure);
    if (!issues) {
      issues = checkDefinition({ ...procedure.definition, parameters: procedure.parameters });
      this.admission.set(procedure, issues);
    }
    if (issues.length > 0) {
      const { id: procedureId, version } = procedure.definition;
      throw new DomainError('PROCEDURE.NOT_ADMISSIBLE', { procedureId, version, issues }, issues[0].message);
    }
  }

  /** The procedure a matter runs on: its version, with the parameters it started under. */
  forMatter(
    db: EntityManager,
    matter: { procedureId: string; procedureVersion: number; parameters: unknown },
  ): Promise<BuiltProcedure> {
    return this.get(db, matter.procedureId, matter.procedureVersion, (matter.parameters ?? {}) as JsonObject);
  }

  /** The newest version of a procedure (the list in force decides this once lists are versioned). */
  async latest(db: EntityManager, procedureId: string): Promise<BuiltProcedure> {
    return this.builtNewest(db, procedureId, await this.newestVersion(db, procedureId));
  }

  /**
   * The newest version for the public catalog's pages and charts, asked of the database at most every
   * two seconds (`NewestVersionMemo`): a chart's second request runs no statement.
   */
  async latestForPublicReading(db: EntityManager, procedureId: string): Promise<BuiltProcedure> {
    const version = await this.newestShown.get(procedureId, () => this.newestVersion(db, procedureId));
    return this.builtNewest(db, procedureId, version);
  }

  private async newestVersion(db: EntityManager, procedureId: string): Promise<number | undefined> {
    // Prepared, and without the ORM's query building: every public item page asks it.
    const [row] = await preparedQuery<{ version: number | null }>(
      db,
      `SELECT max(version) AS version FROM procedure_version WHERE procedure_id = $1`,
      [procedureId],
    );
    return row?.version ?? undefined;
  }

  private builtNewest(db: EntityManager, procedureId: string, version: number | undefined) {
    if (version === undefined) throw new DomainError('PROCEDURE.NOT_FOUND', { procedureId });
    return this.get(db, procedureId, version);
  }

  async list(
    db: EntityManager,
  ): Promise<Pick<ProcedureVersionEntity, 'procedureId' | 'version' | 'title' | 'category' | 'origin'>[]> {
    return db.find(ProcedureVersionEntity, {
      select: { procedureId: true, version: true, title: true, category: true, origin: true },
      order: { procedureId: 'ASC', version: 'DESC' },
    });
  }
}
