/**
 * The entity-side type of a jsonb object column. Deliberately shallow: TypeORM's deep-partial types
 * recurse forever on a recursive JSON type. Repositories hand out the precise types.
 */
export type Jsonb = object;
