/**
 * How the schema is split when one database server is no longer enough (Citus): every table with a
 * `village_id` is distributed by it, colocated, so that an event touches one node; these tables, shared by
 * every village and small or read-mostly, are copied to every node. `test/medium/shard-readiness` proves
 * from the database's catalog that the schema allows it; the README prints `distributionStatements()`.
 */
export const REFERENCE_TABLES = [
  'region',
  'person',
  'account',
  'official_post',
  'procedure_version',
  'rule_set',
  'calendar_day',
  'list_version',
  'app_setting',
] as const;

/**
 * Kept on the coordinator alone: written at every login, never joined with a village's tables (the
 * session is looked up on its own before a request touches a village); the housekeeping jobs' claims; and
 * the migration tool's own.
 */
export const COORDINATOR_TABLES = ['login_session', 'login_throttle', 'job_claim', 'migrations'] as const;

/** The Citus calls, reference tables first (distributed tables point at them), in a stable order. */
export function distributionStatements(villageTables: readonly string[]): string[] {
  const sorted = [...villageTables].sort();
  return [
    ...REFERENCE_TABLES.map((table) => `SELECT create_reference_table('${table}');`),
    ...sorted.map(
      (table, index) =>
        `SELECT create_distributed_table('${table}', 'village_id'${index === 0 ? '' : `, colocate_with => '${sorted[0]}'`});`,
    ),
  ];
}
