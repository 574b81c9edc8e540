import { FaultRig, describeRun } from './support/fault-rig.js';
import { faultSeed } from './support/seeded-random.js';
import { sleep } from './support/wait.js';

const KILLS = 4;

describe('The app killed with SIGKILL again and again under load', () => {
  const rig = new FaultRig();

  afterAll(async () => {
    await rig.dispose();
  });

  it('loses nothing it acknowledged, applies nothing twice, and keeps every chain and timer whole', async () => {
    const random = faultSeed('process-kill');
    await rig.setUp({ villages: 2 });
    const app = rig.app!;
    const load = rig.startLoad({ workers: 4, deadlineMs: 150_000 });

    const restartMs: number[] = [];
    for (let kill = 1; kill <= KILLS; kill++) {
      // Random moments: mid-request, mid-transaction, mid-delivery of a timer the hastener made due. Each
      // kill waits for a request on its way and then a few milliseconds more, so that it lands at a
      // different point of that request; a kill while every worker paused would go unfelt by any client.
      await sleep(random.between(500, 3_000));
      await load.requestInFlight();
      await sleep(random.between(0, 4));
      await app.kill();
      const killedAt = Date.now();
      // On start the scheduler catches up with the timers that fell due while the app was down.
      await app.start();
      restartMs.push(Date.now() - killedAt);
    }
    const settled = await rig.settle();
    process.stderr.write(
      describeRun('process-kill', rig, settled) +
        `[process-kill] serving again ${restartMs.join(', ')} ms after each kill\n`,
    );

    expect(load.surprises).toEqual([]);
    // The kills were felt: requests were cut off mid-way and retried with their Idempotency-Key.
    expect(load.counts.cutOff).toBeGreaterThan(0);
    expect(app.starts).toBe(KILLS + 1);
    expect(load.closedMatters.length).toBeGreaterThan(0);
    const { findings, chains } = settled;
    expect(findings.violations).toEqual([]);
    // Every matter was carried to the end: both its public periods ended, each by one delivered timer.
    expect(findings.matters).toBe(load.closedMatters.length);
    expect(findings.timers).toEqual({
      pending: 0,
      delivered: 2 * findings.matters,
      cancelled: 0,
      refused: 0,
    });
    expect(chains.exitCode).toBe(0);
    expect(chains.chains.map((chain) => [chain.villageId, chain.ok]).sort()).toEqual(
      rig.villages.map((village) => [village.villageId, true]).sort(),
    );
  });
});
