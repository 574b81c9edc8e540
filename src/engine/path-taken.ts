import type { TraceEntity } from './trace.entity.js';

/** The way a matter has gone, from its accepted trace rows: for drawing over its flowchart. */
export function pathTaken(
  current: string,
  rows: readonly Pick<TraceEntity, 'accepted' | 'stateBefore' | 'stateAfter'>[],
) {
  const accepted = rows.filter((row) => row.accepted);
  const visited = new Set(
    accepted.flatMap((row) => [row.stateBefore, row.stateAfter]).filter((state): state is string => !!state),
  );
  const moves = new Set(
    accepted
      .filter((row) => row.stateBefore && row.stateBefore !== row.stateAfter)
      .map((row) => `${row.stateBefore}→${row.stateAfter}`),
  );
  return { current, visited, moves };
}
