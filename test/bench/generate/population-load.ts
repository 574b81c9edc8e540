import pg from 'pg';
import { loadParts, takeParts } from './loader.js';
import type { Population } from './village-people.js';

/** Loads the regions, people and memberships gathered so far (a few villages: one transaction). */
export async function loadPopulation(url: string, population: Population): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await loadParts(client, takeParts(population.buffers));
  } finally {
    await client.end();
  }
}
