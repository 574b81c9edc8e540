import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RULE_SETS, type RuleSet } from '../../workflows/index.js';
import { digestOf } from '../common/canonical-json.js';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import { RuleSetEntity } from './rule-set.entity.js';

/** Quorum and vote rules as stored data: registered from `workflows/` at start, read by code and version. */
@Injectable()
export class RuleSetCatalog implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly time: LocalTime,
  ) {}

  async onModuleInit(): Promise<void> {
    for (const ruleSet of RULE_SETS) {
      const contentHash = digestOf(ruleSet);
      await this.dataSource.query(
        `INSERT INTO rule_set (code, version, title, definition, content_hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [ruleSet.code, ruleSet.version, ruleSet.title, JSON.stringify(ruleSet), contentHash, this.time.now()],
      );
      const stored = await this.dataSource.manager.findOneByOrFail(RuleSetEntity, {
        code: ruleSet.code,
        version: ruleSet.version,
      });
      if (stored.contentHash !== contentHash) {
        throw new Error(`Rule set ${ruleSet.code} v${ruleSet.version} changed without a new version`);
      }
    }
  }

  /**
   * The version a matter started on `onDate` is held under: the newest in force that day. A matter keeps
   * the rule (and the law it cites) of the day it started, whatever changes after.
   */
  async inForceOn(db: EntityManager, code: string, onDate: string): Promise<RuleSet> {
    const rows = await db.find(RuleSetEntity, { where: { code }, order: { version: 'DESC' } });
    const row = rows.find((candidate) => (candidate.definition.inForceFrom ?? '') <= onDate);
    if (!row)
      throw new DomainError('PROCEDURE.DEFINITION_INVALID', { ruleSet: code }, `未知的表决规则 ${code}`);
    return row.definition;
  }

  async list(db: EntityManager): Promise<RuleSet[]> {
    const rows = await db.find(RuleSetEntity, { order: { code: 'ASC', version: 'DESC' } });
    return rows.map((row) => row.definition);
  }
}
