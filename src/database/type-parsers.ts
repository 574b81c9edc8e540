/**
 * One reading of PostgreSQL types for both drivers (pg and PGlite): int8 as a JS number (our counters
 * stay far below 2^53), numeric as a string (money keeps its digits), `date` as 'YYYY-MM-DD' text (no
 * time-zone shift), timestamps as Date.
 */
export const PG_TYPE = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;

export const TEXT_PARSERS: Record<number, (value: string) => unknown> = {
  [PG_TYPE.INT8]: (value) => Number(value),
  [PG_TYPE.NUMERIC]: (value) => value,
  [PG_TYPE.DATE]: (value) => value,
};
