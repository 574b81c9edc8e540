import { parseVerifyArgs, verifyChains } from '../../src/cli/verify-chain-command.js';
import { DAY_MS } from '../../src/common/clock.js';
import { digestOf } from '../../src/common/canonical-json.js';
import { chainHash } from '../../src/engine/trace-chain.js';
import { TraceEntity } from '../../src/engine/trace.entity.js';
import { TraceService } from '../../src/engine/trace.service.js';
import { ChainHeadsService } from '../../src/public/chain-heads.service.js';
import { EngineDriver } from '../factories/engine.driver.js';
import { createVillage, type VillageWorld } from '../factories/village.factory.js';
import { startTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

describe(TraceService.name, () => {
  let t: TestApp;
  let world: VillageWorld;
  let sut: TraceService;

  /** What a person with direct SQL access might do to rewrite history. */
  const tamper = async (sql: string, params: unknown[]) => {
    await t.dataSource.query('ALTER TABLE trace DISABLE TRIGGER trace_no_update_or_delete');
    try {
      await t.dataSource.query(sql, params);
    } finally {
      await t.dataSource.query('ALTER TABLE trace ENABLE TRIGGER trace_no_update_or_delete');
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    sut = t.get(TraceService);
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => t.clock.set(TEST_NOW));
  beforeEach(async () => {
    world = await createVillage(t);
    const matter = await EngineDriver.start(t, world);
    await matter.send('secretary', 'PROPOSE_PLAN', { plan: '方案' });
    await matter.send('villager1', 'PROPOSE_PLAN', { plan: '越权' }).catch(() => undefined);
    await matter.send('secretary', 'CONVENE_MEETING', { heldOn: matter.today(), ballot: 'open' });
    await matter.send('committee1', 'RECORD_ATTENDANCE', { present: [matter.personId('secretary')] });
  });

  it('verifies an untouched chain, refusals included', async () => {
    await expect(sut.verify(t.dataSource.manager, world.villageId)).resolves.toMatchObject({
      ok: true,
      checked: 5,
      firstBroken: null,
    });
  });

  it('refuses UPDATE and DELETE on the trace at the database', async () => {
    await expect(
      t.dataSource.query(`UPDATE trace SET actor_role = 'secretary' WHERE village_id = $1`, [
        world.villageId,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.dataSource.query(`DELETE FROM trace WHERE village_id = $1`, [world.villageId]),
    ).rejects.toThrow(/append-only/);
  });

  it('names the row whose payload was rewritten', async () => {
    await tamper(`UPDATE trace SET payload = '{"plan":"另一个方案"}' WHERE village_id = $1 AND seq = 2`, [
      world.villageId,
    ]);
    await expect(sut.verify(t.dataSource.manager, world.villageId)).resolves.toMatchObject({
      ok: false,
      checked: 1,
      firstBroken: { seq: 2, reason: 'payload-digest-mismatch' },
    });
  });

  it('names the row whose recorded facts were rewritten, even with its digest kept', async () => {
    await tamper(`UPDATE trace SET accepted = true, refusal_code = NULL WHERE village_id = $1 AND seq = 3`, [
      world.villageId,
    ]);
    await expect(sut.verify(t.dataSource.manager, world.villageId)).resolves.toMatchObject({
      ok: false,
      firstBroken: { seq: 3, reason: 'hash-mismatch' },
    });
  });

  it('names the gap where a row was deleted', async () => {
    await tamper(`DELETE FROM trace WHERE village_id = $1 AND seq = 4`, [world.villageId]);
    await expect(sut.verify(t.dataSource.manager, world.villageId)).resolves.toMatchObject({
      ok: false,
      firstBroken: { seq: 4, reason: 'missing-row' },
    });
  });

  it('notices the newest rows cut off, against the chain head', async () => {
    await tamper(`DELETE FROM trace WHERE village_id = $1 AND seq = 5`, [world.villageId]);
    await expect(sut.verify(t.dataSource.manager, world.villageId)).resolves.toMatchObject({
      ok: false,
      firstBroken: { reason: 'head-mismatch' },
    });
  });

  it('keeps one chain per village: another village’s tampering does not break this one', async () => {
    const other = await createVillage(t);
    const matter = await EngineDriver.start(t, other);
    await matter.send('secretary', 'PROPOSE_PLAN', { plan: '方案' });
    await tamper(`UPDATE trace SET payload = '{}' WHERE village_id = $1`, [other.villageId]);
    await expect(sut.verify(t.dataSource.manager, world.villageId)).resolves.toMatchObject({ ok: true });
    await expect(sut.verify(t.dataSource.manager, other.villageId)).resolves.toMatchObject({
      ok: false,
      firstBroken: { seq: 1 },
    });
  });

  it('reports no break while rows are appended during the check: it reads one snapshot', async () => {
    const matter = await EngineDriver.start(t, world);
    const appends = (async () => {
      for (let i = 0; i < 15; i++)
        await matter.send('villager1', 'PROPOSE_PLAN', { plan: `越权 ${i}` }).catch(() => undefined);
    })();
    const reports = [];
    for (let i = 0; i < 15; i++) reports.push(await t.get(ChainHeadsService).verify(world.villageId));
    await appends;
    expect(reports.filter((report) => !report.ok)).toEqual([]);
  });

  describe('against the daily heads published on the board', () => {
    const publishTomorrow = async () => {
      t.clock.advance(DAY_MS);
      await t.get(ChainHeadsService).publish();
    };

    /** A careful forger: rewrites row 2 and recomputes every digest and hash after it, head included. */
    const rewriteAndRehash = async () => {
      const rows = await t.dataSource.manager.find(TraceEntity, {
        where: { villageId: world.villageId },
        order: { seq: 'ASC' },
      });
      let prevHash = rows[0].hash;
      for (const row of rows.slice(1)) {
        const payload = Number(row.seq) === 2 ? { plan: '另一个方案' } : row.payload;
        const fields = { ...row, seq: Number(row.seq), payloadDigest: digestOf(payload) };
        const hash = chainHash(prevHash, fields);
        await tamper(
          'UPDATE trace SET payload = $3, payload_digest = $4, prev_hash = $5, hash = $6 WHERE village_id = $1 AND seq = $2',
          [world.villageId, row.seq, payload, fields.payloadDigest, prevHash, hash],
        );
        prevHash = hash;
      }
      await t.dataSource.query('UPDATE trace_head SET hash = $2 WHERE village_id = $1', [
        world.villageId,
        prevHash,
      ]);
    };

    it('publishes the head at the end of each day with activity, once', async () => {
      await publishTomorrow();
      await publishTomorrow();

      const { daily } = await t.get(ChainHeadsService).heads(world.villageId);
      expect(daily).toEqual([
        expect.objectContaining({ day: '2026-03-02', seq: 5, hash: expect.stringMatching(/^[0-9a-f]{64}$/) }),
      ]);
    });

    it('shows a rewrite whose hashes were all recomputed, naming the published head it no longer meets', async () => {
      await publishTomorrow();
      await rewriteAndRehash();

      await expect(sut.verify(t.dataSource.manager, world.villageId)).resolves.toMatchObject({
        ok: false,
        firstBroken: { seq: 5, reason: 'checkpoint-mismatch', after: 0 },
      });
    });

    it('checks only the rows since the last published head for the public, and still sees that head rewritten', async () => {
      await publishTomorrow();
      const matter = await EngineDriver.start(t, world);
      await matter.send('secretary', 'PROPOSE_PLAN', { plan: '第二个方案' });
      const publicly = await t.get(ChainHeadsService).verify(world.villageId);
      expect(publicly).toMatchObject({ ok: true, from: 5, checked: 2, head: { seq: 7 }, firstBroken: null });
      expect(await sut.verify(t.dataSource.manager, world.villageId)).toMatchObject({
        ok: true,
        from: 0,
        checked: 7,
      });

      await rewriteAndRehash();
      await expect(t.get(ChainHeadsService).verify(world.villageId)).resolves.toMatchObject({
        ok: false,
        firstBroken: { seq: 5, reason: 'checkpoint-mismatch' },
      });
    });

    it('sees the published head’s own row rewritten, even with its hash column left as published', async () => {
      await publishTomorrow();
      await tamper(`UPDATE trace SET actor_role = 'supervisor' WHERE village_id = $1 AND seq = 5`, [
        world.villageId,
      ]);
      await expect(t.get(ChainHeadsService).verify(world.villageId)).resolves.toMatchObject({
        ok: false,
        from: 5,
        firstBroken: { seq: 5, reason: 'hash-mismatch' },
      });
    });

    it('names a row after the last published head that was rewritten', async () => {
      await publishTomorrow();
      const matter = await EngineDriver.start(t, world);
      await matter.send('secretary', 'PROPOSE_PLAN', { plan: '第二个方案' });
      await tamper(`UPDATE trace SET payload = '{"plan":"改过的"}' WHERE village_id = $1 AND seq = 7`, [
        world.villageId,
      ]);
      await expect(t.get(ChainHeadsService).verify(world.villageId)).resolves.toMatchObject({
        ok: false,
        from: 5,
        firstBroken: { seq: 7, reason: 'payload-digest-mismatch' },
      });
    });

    it('holds a rewritten chain against a head someone copied down, before any was published', async () => {
      const copied = await t.get(ChainHeadsService).heads(world.villageId);
      await rewriteAndRehash();
      await expect(sut.verify(t.dataSource.manager, world.villageId)).resolves.toMatchObject({ ok: true });

      const report = await sut.verify(t.dataSource.manager, world.villageId, [
        { seq: copied.current.seq, hash: copied.current.hash! },
      ]);
      expect(report).toMatchObject({ ok: false, firstBroken: { seq: 5, reason: 'checkpoint-mismatch' } });
    });
  });

  describe('the command-line verifier', () => {
    const run = async (args: string[]) => {
      const lines: string[] = [];
      const status = await verifyChains(t.dataSource, parseVerifyArgs(args), (line) => lines.push(line));
      return { status, output: lines.join('\n') };
    };

    it('passes an untouched chain with status 0', async () => {
      const { status, output } = await run([world.villageId]);
      expect(status).toBe(0);
      expect(output).toContain(`OK     village ${world.villageId}: 5 rows`);
    });

    it('fails at exactly the row altered with SQL, with status 1', async () => {
      await tamper(`UPDATE trace SET actor_role = 'supervisor' WHERE village_id = $1 AND seq = 4`, [
        world.villageId,
      ]);

      const { status, output } = await run([world.villageId]);

      expect(status).toBe(1);
      expect(output).toContain('first broken link at row 4: row hash does not match its contents');
      expect(output).toContain('3 rows hold before it');
    });

    it('walks every village with --all and reports in JSON', async () => {
      const { status, output } = await run(['--all', '--json']);
      const reports = output
        .split('\n')
        .map((line) => JSON.parse(line) as { villageId: string; ok: boolean });
      expect(reports.find((report) => report.villageId === world.villageId)).toMatchObject({ ok: true });
      expect(status).toBe(reports.every((report) => report.ok) ? 0 : 1);
    });

    it('explains a bad argument instead of guessing', () => {
      expect(() => parseVerifyArgs(['not-a-village'])).toThrow('not a village id or option: not-a-village');
      expect(() => parseVerifyArgs([world.villageId, '--head', '5:abc'])).toThrow(/--head wants/);
      expect(() => parseVerifyArgs([])).toThrow(/or --all/);
    });
  });
});
