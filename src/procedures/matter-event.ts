import type { JsonObject, JsonValue } from '../../workflows/index.js';

/** The event a machine sees: the client's payload plus what the server adds. */
export interface MatterEvent {
  type: string;
  payload: JsonObject;
  /** Server-computed facts (a tally, a role check); never taken from the client. */
  facts: JsonObject;
  actor: { personId: string | null; role: string };
  /** ISO instant the engine accepted the event at. */
  at: string;
}

export interface MatterContext {
  inputs: JsonObject;
  [key: string]: JsonValue;
}
