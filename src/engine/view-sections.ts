import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query.js';
import type { MatterEntity } from './matter.entity.js';

/**
 * The rows of one table a section of the matter view shows: those of the matter (`village_id = $1 AND
 * matter_id = $2`), narrowed by `filter` (SQL on the table's alias `t`) and in `orderBy` (SQL on `t`).
 */
export interface SectionRows<Entity> {
  entity: new () => Entity;
  filter?: string;
  orderBy: string;
}

type RowsOf<Queries> = {
  [Key in keyof Queries]: Queries[Key] extends SectionRows<infer Entity> ? Entity[] : never;
};

/**
 * A section (meetings, disclosures, deadlines, …) of the view of a matter: the rows it reads, and how it
 * shows them. The rows of every section are read together in one statement (see ViewSectionReader), so
 * a view costs one round trip however many modules add to it; `shape` may read more only for what is rare.
 */
export interface ViewSection<Queries extends Record<string, SectionRows<unknown>>> {
  rows: Queries;
  shape: (rows: RowsOf<Queries>, db: EntityManager, matter: MatterEntity) => unknown;
}

export type AnyViewSection = ViewSection<Record<string, SectionRows<unknown>>>;

/** Keeps the types of a section's rows and shape together where it is declared. */
export function viewSection<Queries extends Record<string, SectionRows<unknown>>>(
  section: ViewSection<Queries>,
): AnyViewSection {
  return section as unknown as AnyViewSection;
}

interface CompiledRows {
  section: string;
  key: string;
  /** Property → whether its value comes back as a time to be made a Date again. */
  properties: { property: string; isTime: boolean }[];
}

const TIME_TYPES = new Set<unknown>(['timestamptz', 'timestamp with time zone', 'timestamp', Date]);

/**
 * Reads every section's rows of a matter in one prepared statement: per table a scalar subquery that
 * aggregates its rows to JSON objects keyed by the entity's property names (only the columns the entity
 * maps and selects), then turns each back into the entity the section's shape expects: times, written
 * in UTC by the statement, as Dates; text, numbers, dates, uuid arrays and jsonb as the driver gives them.
 */
export class ViewSectionReader {
  private readonly sql: string;
  private readonly compiled: CompiledRows[];

  constructor(dataSource: DataSource, sections: ReadonlyMap<string, AnyViewSection>) {
    this.compiled = [];
    const selects: string[] = [];
    for (const [section, { rows }] of sections) {
      for (const [key, query] of Object.entries(rows)) {
        const metadata = dataSource.getMetadata(query.entity);
        const columns = metadata.columns.filter((column) => column.isSelect);
        const transformed = columns.find((column) => column.transformer);
        if (transformed) {
          throw new Error(
            `View section ${section}: ${metadata.name}.${transformed.propertyName} has a transformer`,
          );
        }
        const fields = columns.map((column) => {
          const value = `t.${column.databaseName}`;
          const json = TIME_TYPES.has(column.type)
            ? `to_char(${value} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
            : value;
          return `'${column.propertyName}', ${json}`;
        });
        // json_build_object takes at most 100 arguments: 50 columns.
        if (fields.length > 50)
          throw new Error(`View section ${section}: ${metadata.name} has over 50 columns`);
        const filter = query.filter ? ` AND (${query.filter})` : '';
        selects.push(
          `(SELECT coalesce(json_agg(json_build_object(${fields.join(', ')}) ORDER BY ${query.orderBy}), '[]'::json) ` +
            `FROM ${metadata.tablePath} t WHERE t.village_id = $1 AND t.matter_id = $2${filter}) ` +
            `AS "r${selects.length}"`,
        );
        this.compiled.push({
          section,
          key,
          properties: columns.map((column) => ({
            property: column.propertyName,
            isTime: TIME_TYPES.has(column.type),
          })),
        });
      }
    }
    this.sql = selects.length ? `SELECT ${selects.join(', ')}` : '';
  }

  /** Per section, per key, the matter's rows as entities. */
  async read(db: EntityManager, matter: MatterEntity): Promise<Map<string, Record<string, unknown[]>>> {
    const bySection = new Map<string, Record<string, unknown[]>>();
    if (!this.sql) return bySection;
    const [row] = await preparedQuery<Record<string, unknown[]>>(db, this.sql, [matter.villageId, matter.id]);
    this.compiled.forEach((rows, index) => {
      const entities = row[`r${index}`].map((json) => entityOf(rows, json as Record<string, unknown>));
      bySection.set(rows.section, { ...bySection.get(rows.section), [rows.key]: entities });
    });
    return bySection;
  }
}

function entityOf(rows: CompiledRows, json: Record<string, unknown>): Record<string, unknown> {
  const entity: Record<string, unknown> = {};
  for (const { property, isTime } of rows.properties) {
    const value = json[property];
    entity[property] = isTime && typeof value === 'string' ? new Date(value) : value;
  }
  return entity;
}
