import { compose } from '../compose/compose.js';
import type { JsonObject, ProcedureDefinition } from '../types.js';
import { villageItemDefinition, type VillageItemOptions } from './village-item.template.js';
import {
  paletteEntry,
  paletteParameters,
  paletteStep,
  stepKeys,
  type PaletteParameter,
  type StepChoice,
} from './step-palette.js';

export interface SteppedItemOptions extends Omit<VillageItemOptions, 'supervised'> {
  steps: StepChoice[];
}

/** A choice the editor cannot build, by the index of its step (or none: the item as a whole). */
export interface StepProblem {
  index?: number;
  message: string;
}

/** Each parameter of a step's kind, its value in range; a missing value takes the palette's default. */
export function completeChoice(choice: StepChoice): { choice: StepChoice; problems: string[] } {
  const entry = paletteEntry(choice.kind);
  if (!entry) return { choice, problems: ['未知的步骤'] };
  const complete: StepChoice = { kind: choice.kind };
  const problems: string[] = [];
  for (const parameter of entry.parameters) {
    const value = choice[parameter.name] ?? parameter.default;
    const problem = outOfRange(parameter, value);
    if (problem) problems.push(problem);
    (complete as unknown as Record<string, unknown>)[parameter.name] = value;
  }
  return { choice: complete, problems };
}

function outOfRange(parameter: PaletteParameter, value: unknown): string | undefined {
  if ('options' in parameter) {
    return parameter.options.some((option) => option.value === value)
      ? undefined
      : `${parameter.label}：请从列表中选择`;
  }
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= parameter.min &&
    value <= parameter.max
    ? undefined
    : `${parameter.label}须为 ${parameter.min} 至 ${parameter.max} 之间的整数`;
}

/**
 * A village's own item (X) built from shared steps in the order given: each step's `next` is the one
 * after it, a refusal or lost vote ends the matter, every step may be objected to by the supervisors.
 * Problems of the choices come back by step; the item is built only when there are none. Whether the
 * item meets its category's requirements is the checker's to say, not the builder's.
 */
export function villageItemFromSteps(options: SteppedItemOptions): {
  definition?: ProcedureDefinition;
  problems: StepProblem[];
} {
  const problems: StepProblem[] = [];
  if (options.steps.length === 0) problems.push({ message: '至少要有一个步骤' });
  const choices = options.steps.map((choice, index) => {
    const completed = completeChoice(choice);
    for (const message of completed.problems) problems.push({ index, message });
    return completed.choice;
  });
  choices.forEach((choice, index) => {
    const entry = paletteEntry(choice.kind);
    const before = choices.slice(0, index + 1).filter((other) => other.kind === choice.kind).length;
    if (entry && before > entry.most)
      problems.push({ index, message: `“${entry.title}”一个事项最多 ${entry.most} 个` });
  });
  if (problems.length > 0) return { problems };

  const keys = stepKeys(choices);
  const { machine, events, outcomes } = compose({
    machineId: 'villageItem',
    steps: choices.map((choice, index) => ({
      key: keys[index],
      step: paletteStep(choice, keys[index], keys[0]),
    })),
  });
  for (const [index, key] of keys.entries()) {
    const node = machine.states![key];
    // The position is kept too: stored JSON (jsonb) does not keep the order of the states' keys.
    node.meta = { ...node.meta!, step: choices[index] as unknown as JsonObject, position: index };
  }
  const parameters: JsonObject = {};
  for (const [index, choice] of choices.entries())
    Object.assign(parameters, paletteParameters(choice, keys[index]));
  return {
    problems: [],
    definition: villageItemDefinition(options, { machine, events, outcomes }, parameters),
  };
}

/** The editor's choices back from an item it built (its states' `meta.step`), in the item's order. */
export function stepsOfItem(definition: ProcedureDefinition): StepChoice[] | undefined {
  const states = Object.values(definition.machine.states ?? {})
    .filter((node) => node.type !== 'final')
    .sort((a, b) => Number(a.meta?.position ?? 0) - Number(b.meta?.position ?? 0));
  const choices = states.map((node) => node.meta?.step as unknown as StepChoice | undefined);
  return choices.every((choice) => choice && paletteEntry(choice.kind))
    ? (choices as StepChoice[])
    : undefined;
}
