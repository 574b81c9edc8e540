import type { TestApp } from './test-app.js';

/** Every statement sent to the database while `run` runs, as the driver's clients receive them. */
export async function recordedStatements(
  t: TestApp,
  run: () => Promise<unknown>,
): Promise<{ text: string; values: unknown[] }[]> {
  type Client = { query: (...args: unknown[]) => unknown };
  const driver = t.dataSource.driver as unknown as {
    obtainMasterConnection: () => Promise<[Client, unknown]>;
  };
  const statements: { text: string; values: unknown[] }[] = [];
  const original = driver.obtainMasterConnection.bind(driver);
  const watched = new WeakSet<Client>();
  driver.obtainMasterConnection = async () => {
    const [client, release] = await original();
    if (!watched.has(client)) {
      watched.add(client);
      const query = client.query.bind(client);
      client.query = (...args: unknown[]) => {
        const [first, second] = args as [
          string | { text: string; values?: unknown[] },
          unknown[] | undefined,
        ];
        if (recording) {
          statements.push(
            typeof first === 'string'
              ? { text: first, values: second ?? [] }
              : { text: first.text, values: first.values ?? [] },
          );
        }
        return query(...args);
      };
    }
    return [client, release];
  };
  let recording = true;
  try {
    await run();
  } finally {
    recording = false;
    driver.obtainMasterConnection = original;
  }
  return statements;
}
