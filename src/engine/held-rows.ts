import type { MatterEntity } from './matter.entity.js';

/** A village's chain head as an append reads it: the last row's place and hash. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Rows a timer batch's transaction already holds locked, so that its deliveries do not read and lock them
 * again (two statements per timer): the matters its claim took, and the chain heads of its
 * villages as the batch's own appends moved them. Nobody else can change a row this transaction holds,
 * so what is kept here stays true until it commits. Only for a transaction without savepoints (the
 * scheduler's fast path, which is rolled back whole on any refusal or failure): a savepoint rolled back
 * would leave a head here that the database no longer has.
 */
export class HeldRows {
  private readonly matters = new Map<string, MatterEntity>();
  private readonly heads = new Map<string, ChainHead>();

  constructor(matters: readonly MatterEntity[]) {
    for (const matter of matters) this.matters.set(matterKey(matter.villageId, matter.id), matter);
  }

  /** The matter as the claim read it, once: a second event on it must read what the first wrote. */
  takeMatter(villageId: string, matterId: string): MatterEntity | undefined {
    const key = matterKey(villageId, matterId);
    const matter = this.matters.get(key);
    this.matters.delete(key);
    return matter;
  }

  head(villageId: string): ChainHead | undefined {
    return this.heads.get(villageId);
  }

  moveHead(villageId: string, head: ChainHead): void {
    this.heads.set(villageId, head);
  }
}

const matterKey = (villageId: string, matterId: string) => `${villageId}/${matterId}`;
