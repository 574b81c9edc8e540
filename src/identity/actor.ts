/**
 * Who is acting: a logged-in person (with the login session their token stands for, when it came with
 * one), or the scheduler delivering a time-driven event.
 */
export type Actor =
  | {
      kind: 'person';
      accountId: string;
      personId: string;
      name: string;
      sessionId?: string;
      /** The login still has the password its opener gave it: it may only replace it. */
      mustChangePassword?: boolean;
    }
  | { kind: 'system' };

export type PersonActor = Extract<Actor, { kind: 'person' }>;

export const SYSTEM_ACTOR: Actor = { kind: 'system' };
