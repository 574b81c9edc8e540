import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The server the benches use: DATABASE_URL, else the local PostgreSQL with trust auth. */
export const serverUrl = (): string => process.env.DATABASE_URL ?? DEFAULT_SERVER_URL;

export interface BenchDatabase {
  name: string;
  /** The URL of the new database on the same server. */
  url: string;
  drop(): Promise<void>;
}

/** One short-lived connection to the server's maintenance database, for what no bench database can do. */
export async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `applicationName` lets pg_stat_activity and the logs tell apart processes sharing one database. */
export function databaseUrl(name: string, applicationName?: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  if (applicationName) url.searchParams.set('application_name', applicationName);
  return url.toString();
}

/**
 * A fresh, empty database (`<prefix>_<random>`), so repeated runs never share rows; the app migrates it
 * when it boots.
 */
export async function createBenchDatabase(prefix: string): Promise<BenchDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await onServer((client) => client.query(`CREATE DATABASE ${name}`));
  return {
    name,
    url: databaseUrl(name),
    drop: () => onServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(),
  };
}
