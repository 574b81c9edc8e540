import { POWER_CATEGORIES, type JsonObject, type ProcedureDefinition } from '../../workflows/index.js';
import { digestOf } from '../common/canonical-json.js';
import { checkDefinition } from '../procedures/definition-checker.js';
import { keepsBasePeriods, keepsDistrictNotices } from './period-admission.js';
import { effectiveItems, type BaseListDocument, type VillageListDocument } from './list-documents.js';

/** One change of a list-adjustment request, as its inputs give it (shape checked by the schema). */
export interface ListChange {
  kind: 'addItem' | 'changeParameters' | 'retireItem' | 'setResponsibility';
  code: string;
  definition?: JsonObject;
  fromBase?: string;
  title?: string;
  parameters?: JsonObject;
  reason?: string;
  personId?: string;
  duty?: string;
}

/** Why a change cannot be admitted, pointing at the change and, for a procedure, the state or event. */
export interface AdmissionIssue {
  change: number;
  code: string;
  issue: string;
  message: string;
  state?: string;
  event?: string;
  path?: string;
}

export interface AdmissionLookups {
  villageId: string;
  /** A stored definition, e.g. the base item an X item is made from. */
  definition(procedureId: string, version: number): Promise<ProcedureDefinition>;
  /** The version a village procedure gets: the stored one when the content is the same, else the next. */
  versionFor(procedureId: string, contentHash: string): Promise<number>;
  /** Whether the person sits on the two committees (两委) of the village. */
  isCadre(personId: string): Promise<boolean>;
}

export interface Admission {
  document: VillageListDocument;
  /** New village procedures to register when the change is published. */
  definitions: ProcedureDefinition[];
  issues: AdmissionIssue[];
}

/** A village procedure's id: the village's own code, kept apart from every other village's. */
export const villageProcedureId = (code: string, villageId: string) => `${code}-${villageId}`;

type Problem = (issue: string, message: string, where?: Partial<AdmissionIssue>) => void;

/** Runs the definition checker, governance rules included, reporting each issue where it lies. */
function passesChecker(definition: ProcedureDefinition, problem: Problem): boolean {
  const found = checkDefinition(JSON.parse(JSON.stringify(definition)) as unknown);
  for (const issue of found) {
    problem(issue.code, issue.message, { state: issue.state, event: issue.event, path: issue.path });
  }
  return found.length === 0;
}

/** New parameter values on top of the current ones, if the item has them and still passes the checker. */
function tuned(
  definition: ProcedureDefinition,
  current: JsonObject,
  change: ListChange,
  problem: Problem,
  baseParameters: JsonObject | undefined,
): JsonObject | null {
  const parameters = change.parameters ?? {};
  const unknown = Object.keys(parameters).filter((key) => !(key in definition.parameters));
  if (unknown.length > 0 || Object.keys(parameters).length === 0) {
    const known = Object.keys(definition.parameters).join('、') || '无';
    const named = unknown.join('、') || '（未填写）';
    problem('LIST.PARAMETER_UNKNOWN', `事项 ${change.code} 没有参数 ${named}；可调整的参数：${known}`);
    return null;
  }
  const merged = { ...current, ...parameters };
  // The law's floors first (their refusal cites the law), then the district's.
  const ok =
    passesChecker({ ...definition, parameters: { ...definition.parameters, ...merged } }, problem) &&
    (baseParameters === undefined ||
      keepsBasePeriods(
        change.code,
        definition,
        parameters,
        { ...definition.parameters, ...baseParameters },
        problem,
      ));
  return ok ? merged : null;
}

const unknownItem = (problem: Problem, code: string) =>
  problem('LIST.ITEM_UNKNOWN', `现行清单中没有事项 ${code}`);

/**
 * The admission check (准入审查) of a village's changes: applies them, in order, to a copy of its list
 * and checks each against the base list and the definition checker. Nothing is stored here.
 */
export async function admit(
  base: BaseListDocument,
  current: VillageListDocument,
  changes: readonly ListChange[],
  lookups: AdmissionLookups,
): Promise<Admission> {
  const document: VillageListDocument = structuredClone(current);
  const definitions: ProcedureDefinition[] = [];
  const issues: AdmissionIssue[] = [];
  for (const [index, change] of changes.entries()) {
    const problem: Problem = (issue, message, where = {}) =>
      issues.push({ change: index, code: change.code, issue, message, ...where });
    const inForce = effectiveItems(base, document).find((item) => item.code === change.code);
    switch (change.kind) {
      case 'addItem': {
        if (!change.code.startsWith('X')) {
          problem('LIST.NOT_VILLAGE_CODE', '本村自有事项的编号须以 X 开头（如 X1），基本目录事项由区级调整');
          break;
        }
        const id = villageProcedureId(change.code, lookups.villageId);
        const made = await makeDefinition(change, base, lookups, problem, id);
        if (!made) break;
        if (!POWER_CATEGORIES.includes(made.category)) {
          problem('LIST.CATEGORY', `自有事项须归入基本目录的八类之一（A–H），不能是 ${made.category}`);
        }
        const lawful = await keepsWhatTheLawFixes(made, base, lookups, problem);
        if (!passesChecker(made, problem) || !POWER_CATEGORIES.includes(made.category) || !lawful) break;
        if (!(await keepsDistrictNotices(change.code, made, made.parameters, base, lookups, problem))) break;
        definitions.push(made);
        const item = {
          code: change.code,
          title: change.title!,
          procedureId: id,
          version: made.version,
          parameters: {},
        };
        document.items = [...document.items.filter((entry) => entry.code !== change.code), item];
        document.retired = document.retired.filter((code) => code !== change.code);
        break;
      }
      case 'changeParameters': {
        if (!inForce) {
          unknownItem(problem, change.code);
          break;
        }
        const definition =
          definitions.find((made) => made.id === inForce.procedureId) ??
          (await lookups.definition(inForce.procedureId, inForce.version));
        const baseItem = base.items.find((item) => item.code === change.code);
        const merged = tuned(
          definition,
          document.overrides[change.code] ?? {},
          change,
          problem,
          baseItem?.parameters,
        );
        // The village's own item answers to the base list's notices for items like it, as when admitted.
        const own = { ...definition.parameters, ...merged };
        if (
          merged &&
          !baseItem &&
          !(await keepsDistrictNotices(change.code, definition, own, base, lookups, problem))
        )
          break;
        if (merged) document.overrides = { ...document.overrides, [change.code]: merged };
        break;
      }
      case 'retireItem': {
        if (!inForce) unknownItem(problem, change.code);
        else if (!change.reason) problem('LIST.REASON_MISSING', '停用事项须说明理由');
        else {
          document.retired = [...new Set([...document.retired, change.code])];
          document.responsibilities = document.responsibilities.filter((entry) => entry.code !== change.code);
        }
        break;
      }
      case 'setResponsibility': {
        if (!inForce) unknownItem(problem, change.code);
        else if (!change.personId || !change.duty) problem('LIST.RESPONSIBILITY', '请指定责任人并写明职责');
        else if (!(await lookups.isCadre(change.personId)))
          problem('LIST.RESPONSIBILITY', '责任人须为本村“两委”成员');
        else {
          document.responsibilities = [
            ...document.responsibilities.filter((entry) => entry.code !== change.code),
            { code: change.code, personId: change.personId, duty: change.duty },
          ];
        }
        break;
      }
    }
  }
  return { document, definitions, issues };
}

export interface BaseAdmission {
  document: BaseListDocument;
  definitions: ProcedureDefinition[];
  issues: AdmissionIssue[];
}

/** The same check for the district's base list: items keep their code as their procedure id. */
export async function admitBase(
  current: BaseListDocument,
  changes: readonly ListChange[],
  lookups: Pick<AdmissionLookups, 'definition' | 'versionFor'>,
): Promise<BaseAdmission> {
  const document: BaseListDocument = structuredClone(current);
  const definitions: ProcedureDefinition[] = [];
  const issues: AdmissionIssue[] = [];
  for (const [index, change] of changes.entries()) {
    const problem: Problem = (issue, message, where = {}) =>
      issues.push({ change: index, code: change.code, issue, message, ...where });
    const item = document.items.find((entry) => entry.code === change.code);
    switch (change.kind) {
      case 'addItem': {
        const made = await makeDefinition(change, document, lookups, problem, change.code);
        if (!made) break;
        if (made.category !== change.code[0]) {
          problem('LIST.CATEGORY', `事项编号 ${change.code} 与类别 ${made.category} 不一致`);
        }
        if (!passesChecker(made, problem) || made.category !== change.code[0]) break;
        definitions.push(made);
        const entry = { code: change.code, procedureId: made.id, version: made.version, parameters: {} };
        document.items = [...document.items.filter((other) => other.code !== change.code), entry];
        break;
      }
      case 'changeParameters': {
        if (!item) {
          unknownItem(problem, change.code);
          break;
        }
        const definition =
          definitions.find((made) => made.id === item.procedureId) ??
          (await lookups.definition(item.procedureId, item.version));
        // The district sets the base list's periods: only the law's floors (the checker's) bind it.
        const merged = tuned(definition, item.parameters, change, problem, undefined);
        if (merged) item.parameters = merged;
        break;
      }
      case 'retireItem': {
        if (!item) unknownItem(problem, change.code);
        else if (!change.reason) problem('LIST.REASON_MISSING', '停用事项须说明理由');
        else document.items = document.items.filter((other) => other.code !== change.code);
        break;
      }
      case 'setResponsibility':
        problem('LIST.RESPONSIBILITY', '责任人由各村在本村清单中明确');
        break;
    }
  }
  return { document, definitions, issues };
}

/**
 * What a village may not change in its own item: it states no exemption (only the district's base items
 * may, with their reasons), and an item made from a base item keeps that item's category and statutory
 * class, so a copy is held to the same law (and the negative list) as the original.
 */
async function keepsWhatTheLawFixes(
  made: ProcedureDefinition,
  base: BaseListDocument,
  lookups: Pick<AdmissionLookups, 'definition'>,
  problem: Problem,
): Promise<boolean> {
  let lawful = true;
  if ((made.exemptions ?? []).length > 0) {
    problem(
      'LIST.EXEMPTION_NOT_ALLOWED',
      '本村自有事项不能自行豁免类别要求；豁免只能由区级在基本目录中说明理由',
    );
    lawful = false;
  }
  if (made.basedOn === undefined) return lawful;
  const template = base.items.find((item) => item.code === made.basedOn);
  if (!template) {
    problem('LIST.ITEM_UNKNOWN', `基本目录中没有事项 ${made.basedOn}`);
    return false;
  }
  const original = await lookups.definition(template.procedureId, template.version);
  if (
    original.category !== made.category ||
    digestOf(original.statutoryClass ?? null) !== digestOf(made.statutoryClass ?? null)
  ) {
    problem(
      'LIST.BASED_ON_CHANGED',
      `据基本目录事项 ${made.basedOn} 制作的事项须保留其类别（${original.category}）和法定事项类别，不能改变表决主体和规则的法定依据`,
    );
    return false;
  }
  // A copy keeps the base item's notices at least as long: retiring the item for a shorter copy is no way
  // around the district's periods.
  const periods = { ...original.parameters, ...template.parameters };
  return keepsBasePeriods(made.basedOn, made, made.parameters, periods, problem) && lawful;
}

/** An item's procedure: given as JSON, or a base item's under the new id and title. */
async function makeDefinition(
  change: ListChange,
  base: BaseListDocument,
  lookups: Pick<AdmissionLookups, 'definition' | 'versionFor'>,
  problem: Problem,
  id: string,
): Promise<ProcedureDefinition | null> {
  if (!change.title) {
    problem('LIST.TITLE_MISSING', '请填写事项名称');
    return null;
  }
  if (Boolean(change.definition) === Boolean(change.fromBase)) {
    problem('LIST.PROCEDURE_SOURCE', '新增事项须给出流程定义（JSON）或选择一个基本目录事项作模板，二者选一');
    return null;
  }
  let source: ProcedureDefinition;
  if (change.fromBase) {
    const template = base.items.find((item) => item.code === change.fromBase);
    if (!template) {
      problem('LIST.ITEM_UNKNOWN', `基本目录中没有事项 ${change.fromBase}`);
      return null;
    }
    source = await lookups.definition(template.procedureId, template.version);
  } else {
    source = change.definition as unknown as ProcedureDefinition;
  }
  const content = {
    ...source,
    ...(change.fromBase ? { basedOn: change.fromBase } : {}),
    id,
    version: 0,
    title: change.title,
    parameters: { ...(source.parameters ?? {}), ...(change.parameters ?? {}) },
  };
  const version = await lookups.versionFor(id, digestOf(content));
  return { ...content, version };
}
