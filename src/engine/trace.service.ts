import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JsonObject } from '../../workflows/index.js';
import { digestOf } from '../common/canonical-json.js';
import type { SqlWrites } from '../common/sql-query.js';
import { Metrics } from '../common/metrics.js';
import { ChainCheckpointRepository } from './chain-checkpoint.repository.js';
import type { HeldRows } from './held-rows.js';
import { chainHash, GENESIS_HASH, type BrokenLink } from './trace-chain.js';
import type { TraceEntity } from './trace.entity.js';
import { TraceRepository } from './trace.repository.js';

/** One attempted event as the engine records it. */
export interface TraceAttempt {
  villageId: string;
  matterId: string | null;
  actorPersonId: string | null;
  actorRole: string | null;
  eventType: string;
  /** Already stripped of secret fields. */
  payload: JsonObject;
  stateBefore: string | null;
  stateAfter: string | null;
  accepted: boolean;
  refusalCode?: string;
  refusalMessage?: string;
  at: Date;
}

export interface ChainReport {
  villageId: string;
  ok: boolean;
  checked: number;
  /** The row the walk started after: 0 from the chain's start, else the last published daily head's. */
  from: number;
  head: { seq: number; hash: string };
  firstBroken: BrokenLink | null;
}

const PAGE = 1000;

/** Appends to and verifies each village's hash-chained trace. */
@Injectable()
export class TraceService {
  constructor(
    private readonly traces: TraceRepository,
    private readonly checkpoints: ChainCheckpointRepository,
    private readonly metrics: Metrics,
  ) {}

  /**
   * `held`: the heads the caller's transaction holds already (a timer batch), read and kept there;
   * `alongside`: the caller's writes that go in the append's own statement (the matter's progress).
   */
  async append(
    db: EntityManager,
    attempt: TraceAttempt,
    { held, alongside }: { held?: HeldRows; alongside?: readonly SqlWrites[] } = {},
  ): Promise<TraceEntity> {
    const head = held?.head(attempt.villageId) ?? (await this.traces.lockHead(db, attempt.villageId));
    const fields = {
      villageId: attempt.villageId,
      seq: Number(head.seq) + 1,
      matterId: attempt.matterId,
      actorPersonId: attempt.actorPersonId,
      actorRole: attempt.actorRole,
      eventType: attempt.eventType,
      payloadDigest: digestOf(attempt.payload),
      stateBefore: attempt.stateBefore,
      stateAfter: attempt.stateAfter,
      accepted: attempt.accepted,
      refusalCode: attempt.refusalCode ?? null,
      refusalMessage: attempt.refusalMessage ?? null,
      at: attempt.at,
    };
    const row: TraceEntity = {
      ...fields,
      payload: attempt.payload,
      prevHash: head.hash,
      hash: chainHash(head.hash, fields),
    };
    await this.traces.insert(db, row, alongside);
    held?.moveHead(row.villageId, { seq: row.seq, hash: row.hash });
    this.metrics.countEvent(row.eventType, row.accepted, row.refusalCode);
    return row;
  }

  /**
   * An accepted act of the village outside any matter (a role granted, a register loaded, a complaint's
   * step): on the same chain, with no matter and, unless it has one, no state.
   */
  appendVillageAct(
    db: EntityManager,
    act: Pick<TraceAttempt, 'villageId' | 'actorPersonId' | 'actorRole' | 'eventType' | 'payload' | 'at'> &
      Partial<Pick<TraceAttempt, 'stateBefore' | 'stateAfter'>>,
  ): Promise<TraceEntity> {
    return this.append(db, { matterId: null, stateBefore: null, stateAfter: null, accepted: true, ...act });
  }

  /**
   * Walks the chain from its start and names the first row that does not hold: a row whose hashes do not
   * add up, or one that differs from a published daily head (the chain was rewritten and recomputed).
   */
  async verify(
    db: EntityManager,
    villageId: string,
    /** Heads known from elsewhere (a printed board, a copy someone kept), checked like published ones. */
    knownHeads: readonly { seq: number; hash: string }[] = [],
    /**
     * `lastCheckpoint`: start at the last published daily head, once its row is found to still carry
     * the published hash (what was before it was checked when that head was published, and anyone who
     * copied an earlier head can check it with the full walk); `start`: walk the whole chain.
     */
    from: 'start' | 'lastCheckpoint' = 'start',
  ): Promise<ChainReport> {
    const checkpoints = (await this.checkpoints.forVillage(db, villageId)).map(({ seq, hash }) => ({
      seq: Number(seq),
      hash,
    }));
    const start = (from === 'lastCheckpoint' && checkpoints.at(-1)) || { seq: 0, hash: GENESIS_HASH };
    let expectedSeq = start.seq + 1;
    let prevHash = start.hash;
    let checked = 0;
    const published = [...checkpoints, ...knownHeads].sort((a, b) => a.seq - b.seq);
    const publishedAt = new Map(published.map((checkpoint) => [checkpoint.seq, checkpoint.hash]));
    let lastMatching = start.seq;
    const broken = (link: BrokenLink): ChainReport => ({
      villageId,
      ok: false,
      checked,
      from: start.seq,
      head: { seq: expectedSeq - 1, hash: prevHash },
      firstBroken: link,
    });
    if (start.seq > 0) {
      // The head's own row must still carry it, and its content must still give it.
      const [row] = await this.traces.pageOfChain(db, villageId, start.seq - 1, 1);
      const found = row && Number(row.seq) === start.seq ? row.hash : 'none';
      if (found !== start.hash) {
        return broken({
          seq: start.seq,
          reason: 'checkpoint-mismatch',
          expected: start.hash,
          found,
          after: 0,
        });
      }
      const rehashed = chainHash(row.prevHash, { ...row, seq: start.seq });
      if (digestOf(row.payload) !== row.payloadDigest || rehashed !== row.hash) {
        return broken({ seq: start.seq, reason: 'hash-mismatch', expected: row.hash, found: rehashed });
      }
    }
    for (;;) {
      const page = await this.traces.pageOfChain(db, villageId, expectedSeq - 1, PAGE);
      for (const row of page) {
        const seq = Number(row.seq);
        if (seq !== expectedSeq) {
          return broken({
            seq: expectedSeq,
            reason: 'missing-row',
            expected: String(expectedSeq),
            found: String(seq),
          });
        }
        if (row.prevHash !== prevHash) {
          return broken({ seq, reason: 'prev-hash-mismatch', expected: prevHash, found: row.prevHash });
        }
        const digest = digestOf(row.payload);
        if (digest !== row.payloadDigest) {
          return broken({
            seq,
            reason: 'payload-digest-mismatch',
            expected: digest,
            found: row.payloadDigest,
          });
        }
        const hash = chainHash(prevHash, { ...row, seq });
        if (hash !== row.hash)
          return broken({ seq, reason: 'hash-mismatch', expected: hash, found: row.hash });
        const publishedHash = publishedAt.get(seq);
        if (publishedHash !== undefined && publishedHash !== row.hash) {
          const link = { seq, expected: publishedHash, found: row.hash, after: lastMatching };
          return broken({ ...link, reason: 'checkpoint-mismatch' });
        }
        if (publishedHash !== undefined) lastMatching = seq;
        prevHash = row.hash;
        expectedSeq++;
        checked++;
      }
      if (page.length < PAGE) break;
    }
    const walkedTo = expectedSeq - 1;
    const lastPublished = published.at(-1);
    if (lastPublished && lastPublished.seq > walkedTo) {
      const [seq, found] = [walkedTo + 1, 'none'];
      return broken({ seq, reason: 'missing-row', expected: `rows up to ${lastPublished.seq}`, found });
    }
    const head = await this.traces.head(db, villageId);
    const headSeq = head ? Number(head.seq) : 0;
    if (headSeq !== walkedTo || (head && head.hash !== prevHash)) {
      return broken({
        seq: headSeq,
        reason: 'head-mismatch',
        expected: `${walkedTo}:${prevHash}`,
        found: `${headSeq}:${head?.hash ?? ''}`,
      });
    }
    return {
      villageId,
      ok: true,
      checked,
      from: start.seq,
      head: { seq: walkedTo, hash: prevHash },
      firstBroken: null,
    };
  }
}
