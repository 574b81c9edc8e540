import type { Role } from '../../workflows/index.js';

/**
 * The role an actor acts in: the one they asked for, if allowed and held; else the first allowed role
 * they hold, in the order the event lists them. Null when they hold none.
 */
export function actingRole(
  allowed: readonly string[],
  held: ReadonlySet<Role>,
  requested?: string,
): string | null {
  if (requested !== undefined) {
    return allowed.includes(requested) && held.has(requested as Role) ? requested : null;
  }
  return allowed.find((role) => held.has(role as Role)) ?? null;
}
