import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery, useUnnamedStatements } from '../../src/database/prepared-query.js';

/** The engine's hot statements: named (parsed once per session), or unnamed behind a transaction pooler. */
describe('preparedQuery', () => {
  const managerOn = (connection: DataSource, sent: object[]) =>
    ({
      connection,
      queryRunner: {
        isReleased: false,
        connect: () =>
          Promise.resolve({
            query: (config: object) => {
              sent.push(config);
              return Promise.resolve({ rows: [{ one: 1 }] });
            },
          }),
      },
    }) as unknown as EntityManager;

  it('names a statement by its text, and sends it unnamed once the database is behind a pooler', async () => {
    const sent: object[] = [];
    const connection = {} as DataSource;
    const db = managerOn(connection, sent);
    await expect(preparedQuery(db, 'SELECT 1 AS one WHERE $1::int = 1', [1])).resolves.toEqual([{ one: 1 }]);
    expect(sent[0]).toMatchObject({ name: expect.stringMatching(/^mp_[0-9a-f]{16}$/), values: [1] });
    useUnnamedStatements(connection);
    await preparedQuery(db, 'SELECT 1 AS one WHERE $1::int = 1', [1]);
    expect(sent[1]).toEqual({ text: 'SELECT 1 AS one WHERE $1::int = 1', values: [1] });
    // Another database keeps its named statements.
    const other: object[] = [];
    await preparedQuery(managerOn({} as DataSource, other), 'SELECT 1 AS one WHERE $1::int = 1', [1]);
    expect(other[0]).toHaveProperty('name');
  });
});
