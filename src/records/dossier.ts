/**
 * A matter's dossier (档案) as it is printed: every field already in the words a reader sees, so the
 * HTML page and the PDF show the same record. Times are ISO instants; renderers show them in `timeZone`.
 */
export interface Dossier {
  generatedAt: string;
  timeZone: string;
  village: { id: string; name: string };
  matter: {
    id: string;
    title: string;
    procedure: { id: string; version: number; title: string };
    /** 办理中 / 已办结 */
    status: string;
    /** The end state's title when finished, e.g. 决议通过. */
    outcome: string | null;
    createdAt: string;
    createdBy: string;
    /** The matter's inputs as label–value pairs, in the order the procedure lists them. */
    inputs: [string, string][];
  };
  /** The steps the matter went through, in order: each accepted act that moved it. */
  steps: DossierStep[];
  meetings: DossierMeeting[];
  disclosures: DossierDisclosure[];
  /** Opinions and sign-offs recorded by supervisors and approvers, and objections that sent it back. */
  opinions: DossierOpinion[];
  documentRequests: DossierDocumentRequest[];
  trace: DossierTraceRow[];
  chain: {
    ok: boolean;
    /** The village chain's head when the dossier was made. */
    headSeq: number;
    headHash: string;
    /** The last published daily head covering this matter's rows, if any. */
    checkpoint: { day: string; seq: number; hash: string } | null;
    /** When verification failed: e.g. 第 12 条记录哈希不符. */
    problem: string | null;
  };
}

export interface DossierStep {
  at: string;
  /** The step reached, e.g. 党员大会审议. */
  step: string;
  /** The act that reached it, e.g. 记录表决结果. */
  act: string;
  by: string;
  role: string;
}

export interface DossierMeeting {
  body: string;
  stage: string;
  /** A calendar date, YYYY-MM-DD, printed as it is. */
  heldOn: string | null;
  place: string | null;
  agenda: string | null;
  ruleSet: string;
  /** 公开表决 / 无记名投票 */
  ballotMode: string;
  /** 已通过 / 未通过 / 未达法定人数 / 进行中 */
  outcome: string;
  attendance: { name: string; present: boolean; voted: boolean; recused: boolean; entitled: boolean }[];
  observers: { name: string; role: string }[];
  /** Open ballots only; a secret ballot shows counts only. */
  ballots: { name: string; choice: string }[] | null;
  tally: {
    counts: [string, number][];
    /** Sentences anyone can check by hand, e.g. 实到 6，应到 7，须达到 2/3 以上：满足. */
    checks: string[];
  } | null;
}

export interface DossierDisclosure {
  kind: string;
  title: string;
  body: string;
  channels: string[];
  publishedAt: string | null;
  periodEndsAt: string | null;
  supervisorOpinion: string | null;
  attachments: { name: string; sha256: string }[];
  objections: { filedAt: string; content: string; status: string; answer: string | null }[];
}

export interface DossierOpinion {
  at: string;
  by: string;
  role: string;
  act: string;
  text: string;
}

export interface DossierDocumentRequest {
  requestedAt: string;
  requestedBy: string;
  request: string;
  answeredAt: string | null;
  answeredBy: string | null;
  answer: string | null;
}

export interface DossierTraceRow {
  seq: number;
  at: string;
  by: string;
  role: string;
  act: string;
  accepted: boolean;
  stateBefore: string | null;
  stateAfter: string | null;
  refusal: string | null;
  payloadDigest: string;
  prevHash: string;
  hash: string;
}
