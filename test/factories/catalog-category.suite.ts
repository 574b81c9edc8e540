import { BASE_CATALOG, CATEGORY_TITLES, type CategoryCode } from '../../workflows/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { CatalogWalker } from './catalog-walker.js';
import { createVillage, type VillageWorld } from './village.factory.js';

/** The e2e suite of one catalog category: every item started and carried to each of its outcomes. */
export function describeCatalogCategory(category: CategoryCode): void {
  describe(`Catalog ${category} ${CATEGORY_TITLES[category]}: every item to every outcome over HTTP`, () => {
    let t: TestApp;
    let world: VillageWorld;

    beforeAll(async () => {
      t = await startTestApp();
      world = await createVillage(t);
    });
    afterAll(async () => {
      await t.close();
    });

    const cases = BASE_CATALOG.filter((item) => item.category === category).flatMap((item) =>
      Object.keys(item.outcomes).map((outcome) => [item.id, outcome, item] as const),
    );

    it.each(cases)('%s reaches %s', async (_id, outcome, item) => {
      const { state } = await new CatalogWalker(t, world).walk(item, outcome);
      expect(state).toBe(outcome);
    });
  });
}
