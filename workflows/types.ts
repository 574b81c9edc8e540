/**
 * The shape of a procedure definition: plain, JSON-serialisable data.
 * Guards and actions are named (with params); `src/` supplies their implementations.
 * Nothing here may import from `src/`, a database or Nest.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A JSON Schema (draft 2020-12 subset) describing a payload or the matter's inputs. */
export type JsonSchema = JsonObject;

/** A reference to a procedure parameter, replaced by its value when the machine is built. */
export type ParamRef = { $param: string };

export interface LegalBasis {
  /** Title of the law or rule, in Chinese as published. */
  law: string;
  /** Version or date of the text the article numbers refer to. */
  version?: string;
  article?: string;
  /** True where the rule is local practice rather than national law. */
  localPractice?: boolean;
  note?: string;
}

export interface NamedRef {
  type: string;
  params?: JsonObject;
}

export interface TransitionData {
  target?: string;
  guard?: NamedRef;
  actions?: NamedRef[];
  reenter?: boolean;
  description?: string;
}

export interface StateMeta {
  /** Chinese title shown to users and on the flowchart. */
  title: string;
  /** The stage a state belongs to, for progress display. */
  stage?: string;
  [key: string]: JsonValue | undefined;
}

export interface StateNodeData {
  type?: 'atomic' | 'compound' | 'final';
  description?: string;
  meta?: StateMeta;
  initial?: string;
  states?: Record<string, StateNodeData>;
  on?: Record<string, TransitionData[]>;
  /** Eventless transitions: routing decisions on the matter's inputs, taken as soon as the state is entered. */
  always?: TransitionData[];
  entry?: NamedRef[];
  exit?: NamedRef[];
}

export interface MachineData extends StateNodeData {
  id: string;
  context?: JsonObject;
}

export interface EventSpec {
  /** Chinese title of the act, e.g. 发表监督意见. */
  title: string;
  /** Roles that may send the event; `system` for time-driven events. */
  roles: string[];
  /** JSON Schema of the payload. */
  payload: JsonSchema;
  /** Server-computed facts (named providers) attached to the event before guards run. */
  facts?: string[];
  /** Payload fields never written to a trace or log in clear (secret ballots). */
  secretFields?: string[];
  /** What the act counts as in governance checks; the checker verifies the roles fit the mark. */
  marks?: StepMark[];
  /** Events whose actors may not send this one in the same matter (`START`: whoever started it). */
  distinctFrom?: string[];
  /** Only the person whose id the matter's input of this name holds may send it (a problem's responsible person). */
  actorFromInput?: string;
}

/**
 * - `approval`: a decision by one person; never by whoever started or proposed the matter.
 * - `supervisorSignOff`: the supervision committee's review (审核/签章); only supervisors may send it.
 * - `townshipApproval`: the township's review or approval; only township staff may send it.
 * - `tenderAward`: the result of a public tender run by the township trading centre.
 * - `proposal`: putting the plan forward (提议); its sender may not then approve or sign off the matter.
 * - `sealUse`: affixing the village seal; the negative list's N1 applies (a document reference first).
 */
export type StepMark =
  'approval' | 'supervisorSignOff' | 'townshipApproval' | 'tenderAward' | 'proposal' | 'sealUse';

/**
 * What kind of matter an item is by law (a code of `STATUTORY_CLASSES`): fixed, or read at start from an
 * input, whose values a table may map to classes (values missing from the table name no class).
 */
export type StatutoryClassSource = string | { fromInput: string; table?: Record<string, string> };

/** A governance requirement an item does not have, with the reason (law or practice) it may skip it. */
export interface GovernanceExemption {
  requirement: 'vote' | 'disclosure' | 'supervisorSignOff' | 'townshipApproval' | 'tender';
  reason: string;
}

/** What a catalog item tells villagers besides its procedure. */
export interface CatalogInfo {
  /** The responsible body, e.g. 村民委员会. */
  responsible: string;
  /** The role that starts or answers for the item. */
  responsibleRole: string;
  /** Integrity risk points (廉政风险点) the supervisors watch. */
  riskPoints: string[];
}

/** What reaching a top-level final state means. */
export type OutcomeKind = 'carriedOut' | 'rejected' | 'dropped';

/**
 * The district plan's eight categories (A–H); L holds the list's own adjustment, S the supervisors' own
 * procedures. Neither L nor S is a power on the list.
 */
export type CategoryCode = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'L' | 'S';

export interface ProcedureDefinition {
  id: string;
  version: number;
  /** Chinese title, e.g. 村级重大事项决策（四议两公开）. */
  title: string;
  category: CategoryCode;
  description?: string;
  legalBasis: LegalBasis[];
  /** Roles that may start a matter on this procedure. */
  startRoles: string[];
  /** JSON Schema of the inputs given when a matter starts. */
  inputSchema: JsonSchema;
  /** Tunable values with their defaults (periods, rule-set tables); referenced as `{ $param }`. */
  parameters: JsonObject;
  /** Top-level final states and what reaching them means. */
  outcomes: Record<string, OutcomeKind>;
  catalog?: CatalogInfo;
  /** Category requirements this item may skip, each with its reason (shown with the item). */
  exemptions?: GovernanceExemption[];
  /** What the matter is by law; it decides the body and rule a vote must have (never a free choice). */
  statutoryClass?: StatutoryClassSource;
  /** The base item a village item was made from: its statutory class and category come with it. */
  basedOn?: string;
  events: Record<string, EventSpec>;
  machine: MachineData;
}
