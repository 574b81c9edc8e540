import type { Role } from '../../../workflows/index.js';
import { villageAffairsDisclosureProcedure } from '../../../workflows/procedures/h7-village-affairs-disclosure.procedure.js';
import type { ErrorCode } from '../../../src/common/errors/error-catalog.js';
import { majorMatterInputs } from '../../factories/matter.driver.js';
import { TEST_PASSWORD } from '../../factories/village.factory.js';
import { EVIDENCE_PNG, type FreshIds, type Site, type Target } from './matrix-world.js';
import type { Persona } from './personas.js';
import type { RouteKey } from './route-listing.js';

/** Whether `persona` may succeed on `target`. */
export type Rule = (persona: Persona, target: Target) => boolean;

export interface CallContext {
  target: Target;
  /** The site of the target's scope (for a region, the villages' site under it). */
  site: Site;
  /** The region a region route points at. */
  regionId: string;
  fresh: FreshIds | null;
  /** A value no other call of the run uses (usernames). */
  unique: string;
}

export interface RoutePolicy {
  may: Rule;
  query?: (context: CallContext) => string;
  /** A body that passes validation, so a refusal is about who asks. */
  body?: (context: CallContext) => object;
  /** The body is a raw file, as a browser uploads it (a text file, or these bytes). */
  upload?: true | Buffer;
  /** Headers the request needs besides the caller's credentials (e.g. a receipt code). */
  headers?: (context: CallContext) => Record<string, string>;
  /**
   * The route moves a matter, answers a request or ends a role: it gets ids of its own, for each call
   * where anyone may take the step once (a rating), so that the first caller does not use it up.
   */
  fresh?: true | 'each call';
  /** The route revokes the caller's token: each caller gets a token of its own for the call. */
  endsSession?: true;
  /** Aimed at a region through its body (a new region's parent), not through its path. */
  targets?: 'regions';
  /** Path ids other than the site's defaults. */
  params?: (context: CallContext) => Record<string, string>;
  /**
   * Refusals that come from the state or the test set-up, not from who asks: an allowed caller may meet
   * them (a second account for the same person), and so may anyone when the route checks them first.
   */
  stateRefusals?: ErrorCode[];
}

const anyone: Rule = () => true;
const signedIn: Rule = (persona) => persona.member !== null;

/**
 * Holds one of `roles` (any role, when none are named) in the target village: villagers in their own
 * village only, township and district staff in every village under their post.
 */
const members =
  (roles?: readonly Role[]): Rule =>
  (persona, { scope }) =>
    persona.member !== null &&
    (persona.official ? scope !== 'far' : scope === 'own') &&
    (!roles || persona.villageRoles.some((role) => roles.includes(role)));

/** Staff over the target region: the township officer over their township, the district admin over both. */
const staffOver: Rule = (persona, { scope, level }) =>
  scope === 'own' &&
  (persona.official === 'district' || (persona.official === 'township' && level === 'township'));

const districtAdminOf =
  (levels: Target['level'][]): Rule =>
  (persona, { scope, level }) =>
    scope === 'own' && persona.official === 'district' && levels.includes(level);

/** Who reads a village's register (birth dates, households): its cadres, supervisors, the staff above. */
const REGISTER_READERS: Role[] = [
  'secretary',
  'committee_member',
  'supervisor',
  'township_officer',
  'district_admin',
];

/** Who reads the supervision ledger: the committee, the cadres it supervises, the staff above. */
const LEDGER_READERS: Role[] = [
  'supervisor',
  'secretary',
  'committee_member',
  'township_officer',
  'discipline_inspector',
  'district_admin',
];
/** Who may register a villager or end a villager's role: the secretary and the staff above. */
const GRANTERS: Role[] = ['secretary', 'township_officer', 'district_admin'];
const OFFICIALS: Role[] = ['township_officer', 'district_admin'];

/** Who reads the complaints of the villages below a region: its discipline inspector, the district admin. */
const complaintReaders: Rule = (persona, target) =>
  persona.key === 'disciplineInspector'
    ? staffOver(persona, target)
    : districtAdminOf(['township', 'district'])(persona, target);

const quarter = () => 'quarter=2026-Q1';
const aboutCommittee1 = (site: Site) => ({
  subject: 'cadre',
  subjectId: site.world.people.committee1.personId,
  body: '村道工程施工方是村干部亲属',
});
const proposePlan = {
  type: 'PROPOSE_PLAN',
  payload: { plan: '方案：硬化主干道', mergeWithDeliberation: true },
};

/**
 * Every endpoint: who may succeed where, and a request that would succeed for them. The completeness test
 * fails when the app serves an endpoint missing here, so a new endpoint cannot skip the matrix.
 */
export const POLICY: Record<RouteKey, RoutePolicy> = {
  // The public board, catalog, lists and calendar: villagers read them without logging in.
  'GET /api/health': { may: anyone },
  'GET /api/metrics': { may: anyone },
  'GET /api/clock': { may: anyone },
  'GET /api/calendar': { may: anyone },
  'GET /api/regions/:districtId/calendar': { may: anyone },
  'GET /api/catalog': { may: anyone },
  'GET /api/catalog/:code': { may: anyone },
  'GET /api/catalog/:code/flowchart.svg': { may: anyone },
  'GET /api/public/villages': { may: anyone },
  'GET /api/public/villages/:villageId/board': { may: anyone },
  'GET /api/public/villages/:villageId/chain-heads': { may: anyone },
  'GET /api/public/villages/:villageId/chain-verify': { may: anyone },
  'GET /api/public/villages/:villageId/bulletins/:month': { may: anyone },
  'GET /api/public/villages/:villageId/feed.atom': { may: anyone },
  'GET /api/public/villages/:villageId/feed.json': { may: anyone },
  'GET /api/public/villages/:villageId/attachments/:attachmentId': { may: anyone },
  'GET /api/public/villages/:villageId/lists': { may: anyone },
  'GET /api/public/villages/:villageId/lists/versions': { may: anyone },
  'GET /api/public/villages/:villageId/lists/versions/:version': { may: anyone },
  'GET /api/public/villages/:villageId/lists/diff': { may: anyone, query: () => 'from=0&to=0' },
  // Complaints: anyone may file one anonymously, track it with its code and rate the answer.
  'POST /api/public/villages/:villageId/complaints': {
    may: anyone,
    body: ({ site }) => aboutCommittee1(site),
  },
  'GET /api/public/villages/:villageId/complaints/:receiptCode': { may: anyone },
  'POST /api/public/villages/:villageId/complaints/evidence': {
    may: anyone,
    fresh: 'each call',
    upload: EVIDENCE_PNG,
    query: () => 'filename=photo.png',
    headers: ({ fresh, site }) => ({
      'x-receipt-code': fresh?.filedReceiptCode ?? site.receiptCode,
      'content-type': 'image/png',
    }),
  },
  'POST /api/public/villages/:villageId/complaints/:receiptCode/rating': {
    may: anyone,
    fresh: 'each call',
    body: () => ({ rating: 'satisfied' }),
  },
  'POST /api/auth/login': {
    may: anyone,
    body: ({ site }) => ({ username: site.world.people.villager1.username, password: TEST_PASSWORD }),
  },

  // Anyone logged in: who they are, the procedures and rule sets, the definition checker.
  'GET /api/me': { may: signedIn },
  'POST /api/auth/password': {
    may: signedIn,
    // The same password again: the matrix must not lock its own people out.
    body: () => ({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
    endsSession: true,
  },
  'POST /api/auth/logout': { may: signedIn, endsSession: true },
  'GET /api/regions': { may: signedIn },
  'GET /api/procedures': { may: signedIn },
  'GET /api/procedures/:procedureId/versions/:version': { may: signedIn },
  'POST /api/procedures/check': { may: signedIn, body: () => villageAffairsDisclosureProcedure },
  'GET /api/rule-sets': { may: signedIn },

  // The region tree and its staff: district administrators only, in their own district.
  'POST /api/regions': {
    may: districtAdminOf(['township', 'district']),
    targets: 'regions',
    body: ({ target, regionId }) => ({
      kind: target.level === 'district' ? 'township' : 'village',
      name: '矩阵新区',
      parentId: regionId,
    }),
  },
  'POST /api/regions/:regionId/officials': {
    may: districtAdminOf(['township', 'district']),
    body: ({ target }) => ({
      role: target.level === 'district' ? 'district_admin' : 'township_officer',
      person: { name: '矩阵新任' },
    }),
  },
  'POST /api/regions/:districtId/calendar': {
    may: districtAdminOf(['district']),
    body: () => ({ date: '2026-10-09', kind: 'holiday', name: '地方节日' }),
  },
  'POST /api/clock/advance': {
    may: districtAdminOf(['none']),
    body: () => ({ minutes: 0 }),
    // The test's clock is not adjustable, and the service says so before it asks who asks.
    stateRefusals: ['CLOCK.NOT_ADJUSTABLE'],
  },

  // What staff see of every village below them.
  'GET /api/regions/:regionId/overdue': { may: staffOver },
  'GET /api/regions/:regionId/overview': { may: staffOver },
  'GET /api/regions/:regionId/overview.xlsx': { may: staffOver },
  'GET /api/regions/:regionId/inbox': { may: staffOver },
  // Complaints by name come from anyone of the village; only the township's inspector and the district
  // read them (with who complained), only the inspector handles them, only the district reviews.
  'GET /api/regions/:regionId/complaints': { may: complaintReaders },
  'POST /api/villages/:villageId/complaints': { may: members(), body: ({ site }) => aboutCommittee1(site) },
  'GET /api/villages/:villageId/complaints/:complaintId/evidence/:evidenceId': {
    may: members(['discipline_inspector', 'district_admin']),
  },
  'POST /api/villages/:villageId/complaints/:complaintId/acknowledge': {
    may: members(['discipline_inspector']),
    fresh: true,
  },
  'POST /api/villages/:villageId/complaints/:complaintId/answer': {
    may: members(['discipline_inspector']),
    fresh: true,
    body: () => ({ handling: 'answer', reply: '经核查，情况属实，已责令说明' }),
    stateRefusals: ['COMPLAINT.WRONG_STATUS'],
  },
  'POST /api/villages/:villageId/complaints/:complaintId/review': {
    may: members(['district_admin']),
    fresh: true,
    body: () => ({ reply: '经复查，答复属实' }),
    stateRefusals: ['COMPLAINT.WRONG_STATUS'],
  },

  // A village's people, matters, records and files: everyone of the village and the staff above it.
  'GET /api/villages/:villageId/members': { may: members() },
  'GET /api/villages/:villageId/matters': { may: members() },
  'GET /api/villages/:villageId/matters/:matterId': { may: members() },
  'GET /api/villages/:villageId/matters/:matterId/trace': { may: members() },
  'GET /api/villages/:villageId/matters/:matterId/meetings': { may: members() },
  'GET /api/villages/:villageId/matters/:matterId/flowchart.svg': { may: members() },
  'GET /api/villages/:villageId/matters/:matterId/dossier': { may: members() },
  'GET /api/villages/:villageId/matters/:matterId/dossier.html': { may: members() },
  'GET /api/villages/:villageId/matters/:matterId/dossier.pdf': { may: members() },
  'GET /api/villages/:villageId/trace/verify': { may: members() },
  'GET /api/villages/:villageId/attachments/:attachmentId': { may: members() },
  'GET /api/villages/:villageId/obligations': { may: members() },
  'GET /api/villages/:villageId/calendar': {
    may: members(),
    query: () => 'from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z',
  },
  'GET /api/villages/:villageId/inbox': { may: members() },
  'POST /api/villages/:villageId/attachments': {
    may: members(),
    upload: true,
    query: () => 'filename=matrix.txt',
  },
  'GET /api/registers/layout': { may: signedIn },
  'GET /api/villages/:villageId/registers/people': { may: members(REGISTER_READERS) },
  'GET /api/villages/:villageId/registers/checks': { may: members(REGISTER_READERS) },
  'GET /api/villages/:villageId/registers/export.xlsx': { may: members(REGISTER_READERS) },
  'GET /api/villages/:villageId/registers/export.csv': { may: members(REGISTER_READERS) },
  'POST /api/villages/:villageId/registers/import': {
    may: members(['secretary', 'township_officer', 'district_admin']),
    upload: true,
    // The matrix's file is no register: whoever may import gets its problems named.
    stateRefusals: ['REGISTER.IMPORT_INVALID'],
  },
  'POST /api/villages/:villageId/list-changes/check': {
    may: members(),
    body: () => ({ changes: [{ kind: 'retireItem', code: 'G2', reason: '本村不再开具此类证明' }] }),
  },

  // The supervision ledger: the committee, the cadres it supervises, the staff above.
  'GET /api/villages/:villageId/ledger': { may: members(LEDGER_READERS), query: quarter },
  'GET /api/villages/:villageId/ledger.xlsx': { may: members(LEDGER_READERS), query: quarter },
  'GET /api/villages/:villageId/ledger.csv': { may: members(LEDGER_READERS), query: quarter },

  // Registering people and their roles.
  'POST /api/villages/:villageId/people': {
    may: members(GRANTERS),
    body: () => ({ name: '矩阵村民', household: 'H98', roles: [{ role: 'villager' }] }),
  },
  // Who votes is elected or admitted elsewhere: the township records it, not the village's secretary.
  'POST /api/villages/:villageId/memberships': {
    may: members(OFFICIALS),
    fresh: true,
    body: ({ fresh }) => ({ personId: fresh!.personId, role: 'representative' }),
  },
  'POST /api/villages/:villageId/memberships/:membershipId/end': {
    may: members(GRANTERS),
    fresh: true,
    body: () => ({ validTo: '2026-03-02' }),
  },
  'POST /api/villages/:villageId/people/:personId/account': {
    may: members(GRANTERS),
    fresh: true,
    body: ({ unique }) => ({ username: `matrix-${unique}`, password: 'matrix-password-1' }),
    stateRefusals: ['ACCOUNT.EXISTS'],
  },
  'POST /api/villages/:villageId/people/:personId/account/password': {
    may: members(OFFICIALS),
    // A login no persona of the run uses: setting it again ends its sessions.
    params: ({ site }) => ({ personId: site.world.people.rep5.personId }),
    body: () => ({ password: 'matrix-reset-password-1' }),
  },

  // Acting on matters: the procedure names who starts and who takes each step.
  'POST /api/villages/:villageId/matters': {
    may: members(['secretary']),
    body: () => ({ procedureId: 'A1', inputs: majorMatterInputs() }),
  },
  'POST /api/villages/:villageId/matters/:matterId/events': {
    may: members(['secretary']),
    fresh: true,
    body: () => proposePlan,
    stateRefusals: ['MATTER.STEP_NOT_ALLOWED'],
  },
  'POST /api/villages/:villageId/matters/:matterId/conflicts': {
    may: members(['secretary', 'vc_chair', 'supervisor', 'township_officer']),
    fresh: true,
    body: ({ site }) => ({
      personId: site.world.people.villager2.personId,
      relation: 'applicant',
      note: '本人是申请人',
    }),
  },
  'POST /api/villages/:villageId/matters/:matterId/document-requests': {
    may: members(['supervisor', 'township_officer', 'discipline_inspector']),
    fresh: true,
    body: () => ({ request: '请提供三家比价记录' }),
  },
  'POST /api/villages/:villageId/matters/:matterId/document-requests/:requestId/answer': {
    may: members(['secretary', 'committee_member']),
    fresh: true,
    body: () => ({ answer: '比价记录已交监委会' }),
    stateRefusals: ['DOCUMENTS.REQUEST_NOT_OPEN'],
  },

  // Web pages anyone may read, and logging in and out.
  'GET /': { may: anyone },
  'GET /assets/app.css': { may: anyone },
  'GET /assets/app.js': { may: anyone },
  'GET /p/catalog': { may: anyone },
  'GET /p/catalog/:code': { may: anyone },
  'GET /p/:villageId': { may: anyone },
  'GET /p/:villageId/m/:matterId': { may: anyone, params: ({ site }) => ({ matterId: site.publicMatterId }) },
  'GET /p/:villageId/lists': { may: anyone, query: () => 'on=2026-03-02' },
  'GET /p/:villageId/verify': { may: anyone },
  'GET /p/:villageId/bulletin': { may: anyone, query: () => 'month=2026-03' },
  'GET /p/:villageId/complain': { may: anyone },
  'GET /p/:villageId/subscribe': { may: anyone },
  'POST /p/:villageId/subscribe': {
    may: anyone,
    body: () => ({ channel: 'email', address: 'matrix@example.cn' }),
  },
  'GET /p/:villageId/confirm': { may: anyone, query: () => 'token=not-a-real-token-0000' },
  'POST /p/:villageId/confirm': {
    may: anyone,
    fresh: 'each call',
    body: ({ fresh }) => ({ token: fresh?.unsubscribeToken ?? '' }),
  },
  'GET /p/:villageId/unsubscribe': { may: anyone, query: () => 'token=not-a-real-token-0000' },
  'POST /p/:villageId/unsubscribe': {
    may: anyone,
    fresh: 'each call',
    body: ({ fresh }) => ({ token: fresh?.unsubscribeToken ?? '' }),
  },
  'POST /p/:villageId/complain': {
    may: anyone,
    body: ({ site }) => ({
      subject: 'cadre',
      cadre: site.world.people.committee1.personId,
      body: '村道工程施工方是村干部亲属',
    }),
  },
  'GET /p/:villageId/complaint': { may: anyone },
  'POST /p/:villageId/complaint': { may: anyone, body: ({ site }) => ({ code: site.receiptCode }) },
  'POST /p/:villageId/complaint/rating': {
    may: anyone,
    fresh: 'each call',
    body: ({ fresh }) => ({ code: fresh?.answeredReceiptCode ?? '', rating: 'satisfied' }),
  },
  'GET /login': { may: anyone, query: () => 'next=/c' },
  'POST /login': {
    may: anyone,
    body: ({ site }) => ({
      username: site.world.people.villager1.username,
      password: TEST_PASSWORD,
      next: '/c',
    }),
  },
  'POST /logout': { may: anyone, endsSession: true },
  // Setting one's own password: without a login it leads to the login page.
  'GET /password': { may: signedIn, query: () => 'next=/c' },
  'POST /password': {
    may: signedIn,
    // The same password again: the matrix must not lock its own people out.
    body: () => ({
      currentPassword: TEST_PASSWORD,
      newPassword: TEST_PASSWORD,
      repeatPassword: TEST_PASSWORD,
      next: '/c',
    }),
    endsSession: true,
  },

  // The console: the same rules as the API it stands on.
  'GET /c': { may: signedIn },
  'GET /c/r/:regionId': { may: staffOver },
  'GET /c/r/:regionId/complaints': { may: complaintReaders },
  // 工作日历: anyone signed in reads a district's calendar (the API's is public); its administrator adds days.
  'GET /c/r/:regionId/calendar': { may: signedIn },
  'POST /c/r/:regionId/calendar': {
    may: districtAdminOf(['district']),
    body: () => ({ date: '2026-10-09', kind: 'holiday', name: '地方节日' }),
  },
  'POST /c/v/:villageId/complaints/:complaintId/:act': {
    may: members(['discipline_inspector']),
    fresh: true,
  },
  'GET /c/v/:villageId': { may: members() },
  'GET /c/v/:villageId/m/:matterId': { may: members() },
  'GET /c/v/:villageId/start': { may: members(), query: () => 'code=A1' },
  'GET /c/v/:villageId/x-item': { may: members() },
  'GET /c/v/:villageId/list': { may: members() },
  'GET /c/v/:villageId/registers': { may: members(REGISTER_READERS), query: () => 'q=张&on=2026-03-02' },
  'POST /c/v/:villageId/registers/import': {
    may: members(['secretary', 'township_officer', 'district_admin']),
    upload: true,
    stateRefusals: ['REGISTER.IMPORT_INVALID'],
  },
  // 人员与身份: the same rules as the people routes of the API.
  'GET /c/v/:villageId/people': { may: members(REGISTER_READERS), query: () => 'q=张' },
  'GET /c/v/:villageId/people/:personId': { may: members(REGISTER_READERS), fresh: true },
  'POST /c/v/:villageId/people/:personId/roles': {
    may: members(OFFICIALS),
    fresh: true,
    body: () => ({ role: 'representative', validFrom: '2026-03-02' }),
  },
  'POST /c/v/:villageId/people/:personId/roles/:membershipId/end': {
    may: members(GRANTERS),
    fresh: true,
    body: () => ({ validTo: '2026-03-02' }),
  },
  'POST /c/v/:villageId/people/:personId/account': {
    may: members(GRANTERS),
    fresh: true,
    body: ({ unique }) => ({ username: `matrix-c-${unique}`, password: 'matrix-password-1' }),
    stateRefusals: ['ACCOUNT.EXISTS'],
  },
  'POST /c/v/:villageId/people/:personId/password': {
    may: members(OFFICIALS),
    params: ({ site }) => ({ personId: site.world.people.rep5.personId }),
    body: () => ({ password: 'matrix-reset-password-2' }),
  },
  'POST /c/v/:villageId/attachments': { may: members(), upload: true, query: () => 'filename=matrix.txt' },
  'POST /c/v/:villageId/start': {
    may: members(['secretary']),
    body: () => ({ code: 'A1', ...majorMatterInputs() }),
  },
  'POST /c/v/:villageId/m/:matterId/act': {
    may: members(['secretary']),
    fresh: true,
    body: () => ({
      type: 'PROPOSE_PLAN',
      plan: '方案：硬化主干道',
      mergeWithDeliberation: 'true',
      confirmed: 'yes',
    }),
  },
  'POST /c/v/:villageId/m/:matterId/documents': {
    may: members(['supervisor', 'township_officer', 'discipline_inspector']),
    fresh: true,
    body: () => ({ request: '请提供三家比价记录' }),
  },
  'POST /c/v/:villageId/m/:matterId/documents/:requestId/answer': {
    may: members(['secretary', 'committee_member']),
    fresh: true,
    body: () => ({ answer: '比价记录已交监委会' }),
    stateRefusals: ['DOCUMENTS.REQUEST_NOT_OPEN'],
  },
  'POST /c/v/:villageId/x-item': {
    may: members(['secretary']),
    body: () => ({
      code: 'X1',
      title: '机井用水审批',
      category: 'C',
      description: '村集体机井用水计划审批',
      basis: '村规民约',
      startRoles: 'villager',
      effectiveFrom: '2026-03-10',
      'kind.0': 'accept',
      'kind.1': 'supervisor',
      'kind.2': 'approval',
      op: 'submit',
    }),
  },
  'POST /c/v/:villageId/list/retire': {
    may: members(['secretary']),
    body: () => ({ code: 'G2', reason: '本村不再出具证明', effectiveFrom: '2026-03-10' }),
  },
};
