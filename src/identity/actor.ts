/**
 * Who is acting: a logged-in person (with the login session their token stands for, when it came with
 * one), or the scheduler delivering a time-driven event.
 */
export type Actor =
  | { kind: 'person'; accountId: string; personId: string; name: string; sessionId?: string }
  | { kind: 'system' };

export type PersonActor = Extract<Actor, { kind: 'person' }>;

export const SYSTEM_ACTOR: Actor = { kind: 'system' };
