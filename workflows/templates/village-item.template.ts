import { compose } from '../compose/compose.js';
import { text } from '../events/schema.js';
import { matterInputs } from '../procedures/shared-parameters.js';
import { approval, supervisorReview } from '../steps/presets.js';
import type { CategoryCode, JsonObject, ProcedureDefinition } from '../types.js';

export interface VillageItemOptions {
  code: string;
  title: string;
  category: CategoryCode;
  description: string;
  /** Who applies, e.g. villagers for a use of collective property. */
  startRoles: string[];
  /** The local rule it rests on (村规民约, a township notice …). */
  basis: string;
  /** Have the supervision committee review before the two committees decide. */
  supervised?: boolean;
}

/**
 * A village's own item (X) in its simplest lawful form: an application the two committees approve or
 * refuse, optionally after the supervisors' review. A starting point a village edits, not a catalog item.
 */
export function villageItem(options: VillageItemOptions): ProcedureDefinition {
  const { machine, events, outcomes } = compose({
    machineId: 'villageItem',
    steps: [
      ...(options.supervised ? [{ key: 'review', step: supervisorReview() }] : []),
      {
        key: 'approval',
        step: approval(
          '“两委”审批',
          '村“两委”按村规民约审批',
          {
            event: 'APPROVE',
            title: '审批同意',
            roles: ['secretary', 'committee_member'],
            fields: { opinion: text(1000) },
          },
          'rejected',
        ),
      },
    ],
  });
  return villageItemDefinition(options, { machine, events, outcomes });
}

/** A village item's definition around its composed machine: its particulars, the local rule it rests on. */
export function villageItemDefinition(
  options: Omit<VillageItemOptions, 'supervised'>,
  composed: Pick<ProcedureDefinition, 'machine' | 'events' | 'outcomes'>,
  parameters: JsonObject = {},
): ProcedureDefinition {
  return {
    id: options.code,
    version: 1,
    title: options.title,
    category: options.category,
    description: options.description,
    legalBasis: [{ law: options.basis, localPractice: true }],
    startRoles: options.startRoles,
    inputSchema: matterInputs(),
    parameters,
    ...composed,
  };
}
