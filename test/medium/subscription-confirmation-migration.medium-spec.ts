import { SubscriptionConfirmation1766016000000 } from '../../src/database/migrations/1766016000000-subscription-confirmation.js';
import { BulletinOutboxRepository } from '../../src/notifications/bulletin-outbox.repository.js';
import { createVillage } from '../factories/village.factory.js';
import { startTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

/**
 * Subscriptions made before confirmation existed were made by their owners' choice as far as anyone can
 * tell now, and people away from home count on them: the migration keeps them receiving.
 */
describe('SubscriptionConfirmation migration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps the subscriptions made before it receiving the bulletin, and is undone and redone cleanly', async () => {
    const world = await createVillage(t);
    // Back to the schema before it (undoing any later migration first), with a subscription of that time.
    const applied = async () =>
      (await t.dataSource.query<{ name: string }[]>(`SELECT name FROM migrations`)).map((row) => row.name);
    while ((await applied()).includes(SubscriptionConfirmation1766016000000.name)) {
      await t.dataSource.undoLastMigration();
    }
    await t.dataSource.query(
      `INSERT INTO bulletin_subscription (village_id, id, channel, address, unsubscribe_token, created_at)
       VALUES ($1, gen_random_uuid(), 'email', 'old.subscriber@example.cn', 'an-earlier-token-0001', $2)`,
      [world.villageId, TEST_NOW],
    );
    await t.dataSource.runMigrations();

    const [subscription] = await t.dataSource.query<{ confirmed_at: Date | null }[]>(
      `SELECT confirmed_at FROM bulletin_subscription WHERE address = 'old.subscriber@example.cn'`,
    );
    expect(subscription.confirmed_at).toEqual(TEST_NOW);
    const queued = await t
      .get(BulletinOutboxRepository)
      .enqueue(t.dataSource.manager, '2026-03', new Date(TEST_NOW.getTime() + 86_400_000));
    expect(queued).toBe(1);
  });
});
