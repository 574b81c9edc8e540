import type { JsonObject, JsonValue, NamedRef } from '../../workflows/index.js';
import type { MatterContext, MatterEvent } from './matter-event.js';

export interface GuardArgs {
  context: MatterContext;
  event: MatterEvent;
}
export type GuardImplementation = (args: GuardArgs, params: JsonObject) => boolean;

const sameJson = (a: JsonValue | undefined, b: JsonValue | undefined): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/** A missing amount counts as zero: routing on it then takes the lightest path only if the law allows. */
const numberOf = (value: JsonValue | undefined): number => (typeof value === 'number' ? value : 0);

const tallyOutcome = (event: MatterEvent): JsonValue | undefined => {
  const tally = event.facts?.tally;
  return typeof tally === 'object' && tally !== null && !Array.isArray(tally) ? tally.outcome : undefined;
};

/** The route markRoute set on the context itself: never one inherited through its prototype. */
const ownRouteName = (context: MatterContext): string =>
  (Object.hasOwn(context, 'route') ? (context.route as { name?: string } | undefined)?.name : undefined) ??
  '';

/** Guards are pure: they read the context, the payload and the facts the server attached. */
export const GUARD_IMPLEMENTATIONS: Record<string, GuardImplementation> = {
  payloadEquals: ({ event }, { field, value }) => sameJson(event.payload?.[field as string], value),
  payloadAbsent: ({ event }, { field }) => event.payload?.[field as string] === undefined,
  factEquals: ({ event }, { fact, value }) => sameJson(event.facts?.[fact as string], value),
  factAtMost: ({ event }, { fact, value }) => numberOf(event.facts?.[fact as string]) <= (value as number),
  inputEquals: ({ context }, { input, value }) => sameJson(context.inputs?.[input as string], value),
  inputIn: ({ context }, { input, values }) =>
    (values as JsonValue[]).some((value) => sameJson(context.inputs?.[input as string], value)),
  inputAtLeast: ({ context }, { input, value }) =>
    numberOf(context.inputs?.[input as string]) >= (value as number),
  inputBelow: ({ context }, { input, value }) =>
    numberOf(context.inputs?.[input as string]) < (value as number),
  routeIs: ({ context }, { routes }) => (routes as string[]).includes(ownRouteName(context)),
  voteOutcomeIs: ({ event }, { outcome }) => tallyOutcome(event) === outcome,
  allOf: (args, { guards }) => (guards as unknown as NamedRef[]).every((guard) => evaluateGuard(guard, args)),
  anyOf: (args, { guards }) => (guards as unknown as NamedRef[]).some((guard) => evaluateGuard(guard, args)),
  not: (args, { guard }) => !evaluateGuard(guard as unknown as NamedRef, args),
};

export function evaluateGuard(guard: NamedRef, args: GuardArgs): boolean {
  const implementation = Object.hasOwn(GUARD_IMPLEMENTATIONS, guard.type)
    ? GUARD_IMPLEMENTATIONS[guard.type]
    : undefined;
  if (!implementation) throw new Error(`Unknown guard ${guard.type}`);
  return implementation(args, guard.params ?? {});
}
