import type { Step } from '../compose/step.js';
import { object } from '../events/schema.js';
import { remember } from '../fragments/refs.js';
import type { EventSpec, JsonSchema, NamedRef, StepMark } from '../types.js';

/** One act a person performs in a step: its event name, title, who may do it, what they record. */
export interface ActSpec {
  event: string;
  title: string;
  roles: string[];
  fields?: Record<string, JsonSchema>;
  required?: string[];
  marks?: StepMark[];
  distinctFrom?: string[];
}

export const eventOf = (act: ActSpec): EventSpec => ({
  title: act.title,
  roles: act.roles,
  payload: object(act.fields ?? {}, act.required ?? []),
  ...(act.marks ? { marks: act.marks } : {}),
  ...(act.distinctFrom ? { distinctFrom: act.distinctFrom } : {}),
});

/** The record key of an act in the matter's context: APPROVE_EXPENSE → approveExpense. */
const recordKey = (event: string) =>
  event.toLowerCase().replace(/_([a-z])/g, (_match: string, letter: string) => letter.toUpperCase());

export interface ActStepOptions {
  title: string;
  description: string;
  act: ActSpec;
  /** A refusal that ends the matter or returns it to an earlier step, with a reason. */
  refuse?: ActSpec & { to: string };
  /** What the act also does once accepted (e.g. enter the confirmed members on the register). */
  effects?: NamedRef[];
}

/** A step decided or recorded by one act (approve, sign, file, pay…), optionally refusable. */
export function actStep(options: ActStepOptions): Step {
  return ({ next, at }) => {
    const { act, refuse } = options;
    return {
      node: {
        description: options.description,
        meta: { title: options.title },
        on: {
          [act.event]: [
            { target: next, actions: [remember(recordKey(act.event)), ...(options.effects ?? [])] },
          ],
          ...(refuse
            ? { [refuse.event]: [{ target: at(refuse.to), actions: [remember(recordKey(refuse.event))] }] }
            : {}),
        },
      },
      events: { [act.event]: eventOf(act), ...(refuse ? { [refuse.event]: eventOf(refuse) } : {}) },
    };
  };
}
