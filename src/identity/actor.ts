/** Who is acting: a logged-in person, or the scheduler delivering a time-driven event. */
export type Actor =
  { kind: 'person'; accountId: string; personId: string; name: string } | { kind: 'system' };

export type PersonActor = Extract<Actor, { kind: 'person' }>;

export const SYSTEM_ACTOR: Actor = { kind: 'system' };
