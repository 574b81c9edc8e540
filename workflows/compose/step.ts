import type { EventSpec, StateNodeData } from '../types.js';

/** What a step knows of the procedure around it when it is built. */
export interface StepContext {
  machineId: string;
  /** This step's state key. */
  key: string;
  /** Where the matter goes when this step completes normally (the next step, or a routing gate). */
  next: string;
  /** The start of the step before this one, if any (where rework goes back to). */
  previous?: string;
  /** The absolute target of another step or of a final state (`closed`, `rejected`, `dropped`). */
  at: (key: string) => string;
}

/** A step's state node and the events it handles; events of the same name must be identical. */
export interface BuiltStep {
  node: StateNodeData;
  events: Record<string, EventSpec>;
}

export type Step = (context: StepContext) => BuiltStep;
