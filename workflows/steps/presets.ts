import type { Step } from '../compose/step.js';
import { isoDate, listOf, text, yuan } from '../events/schema.js';
import { param, remember } from '../fragments/refs.js';
import type { NamedRef, ParamRef } from '../types.js';
import { actStep, eventOf, type ActSpec } from './act.step.js';
import { disclosureStep } from './disclosure.step.js';
import { meetingStep, type MeetingStepOptions } from './meeting.step.js';
import { proposalStep } from './proposal.step.js';
import { workStep } from './work.step.js';

/**
 * Steps as the catalog uses them again and again, with their Chinese titles and events. An item picks
 * and orders them; what differs between items is a parameter, not a copy.
 */

const CADRES = ['secretary', 'committee_member'];
const TOWNSHIP = ['township_officer'];
const SUPERVISORS = ['supervisor'];

export const proposal = (
  title = '拟定方案',
  description = '村“两委”根据议题拟定方案',
  roles = ['secretary'],
) => proposalStep({ title, description, roles });

export const deliberation = (options: Partial<MeetingStepOptions> = {}): Step =>
  meetingStep({
    title: '“两委”商议',
    description: '村党组织和村民委员会联席会议研究',
    body: 'twoCommittees',
    ruleSet: 'two-committee-majority',
    reviseTo: 'proposal',
    abandonTo: 'dropped',
    ...options,
  });

export const partyReview = (): Step =>
  meetingStep({
    title: '党员大会审议',
    description: '党员大会审议，通过后提交村民（代表）会议',
    body: 'partyMembers',
    ruleSet: param('partyMeetingRuleSet'),
    reviseTo: 'proposal',
    abandonTo: 'rejected',
  });

export const resolution = (
  options: Pick<MeetingStepOptions, 'body' | 'ruleSet'> & Partial<MeetingStepOptions>,
): Step =>
  meetingStep({
    title: '村民（代表）会议表决',
    description: '村民委员会召集会议表决，服务器按表决规则计票',
    reviseTo: 'proposal',
    abandonTo: 'rejected',
    ...options,
  });

export const publicNotice = (
  title: string,
  kind: string,
  period: ParamRef,
  description = `${title}，监督委员会审核后发布`,
) => disclosureStep({ title, description, kind, period });

export const implementation = (title = '组织实施', roles = CADRES) =>
  workStep({ title, description: '组织实施，监督委员会全程监督', roles });

/** The township's review or approval; a refusal ends the matter (or returns it where given). */
export const townshipDecision = (title: string, description: string, refuseTo = 'rejected'): Step =>
  actStep({
    title,
    description,
    act: {
      event: 'TOWNSHIP_APPROVE',
      title: '乡镇审核同意',
      roles: TOWNSHIP,
      fields: { opinion: text(2000), documentNo: text(100) },
      required: ['opinion'],
      marks: ['townshipApproval'],
    },
    refuse: {
      event: 'TOWNSHIP_REJECT',
      title: '乡镇审核不予同意',
      roles: TOWNSHIP,
      fields: { reason: text(2000) },
      required: ['reason'],
      to: refuseTo,
    },
  });

/** The supervision committee's review and signature (审核签字); an objection sends the matter back. */
export const supervisorReview = (
  title = '村务监督委员会审核',
  description = '村务监督委员会审核并签署意见',
): Step =>
  actStep({
    title,
    description,
    act: {
      event: 'SUPERVISOR_APPROVE',
      title: '监督委员会审核同意',
      roles: SUPERVISORS,
      fields: { opinion: text(2000) },
      required: ['opinion'],
      marks: ['supervisorSignOff'],
    },
  });

/** One person decides; never the person who started the matter. */
export const approval = (
  title: string,
  description: string,
  act: Omit<ActSpec, 'marks'>,
  refuseTo?: string,
): Step =>
  actStep({
    title,
    description,
    act: { ...act, marks: ['approval'] },
    ...(refuseTo
      ? {
          refuse: {
            event: `${act.event}_REFUSED`,
            title: `${act.title}（不同意）`,
            roles: act.roles,
            fields: { reason: text(2000) },
            required: ['reason'],
            to: refuseTo,
          },
        }
      : {}),
  });

/** A record the step needs before the matter moves on (a filing, a contract, a payment…). */
export const record = (title: string, description: string, act: ActSpec): Step =>
  actStep({ title, description, act });

export const contract = (): Step =>
  record('签订合同', '按决议签订书面合同，合同报乡镇“三资”服务中心备案', {
    event: 'SIGN_CONTRACT',
    title: '登记签订的合同',
    roles: ['secretary', 'vc_chair'],
    fields: { contractNo: text(100), counterparty: text(200), amount: yuan(), signedOn: isoDate() },
    required: ['contractNo', 'counterparty', 'signedOn'],
  });

export const payment = (title = '资金拨付', roles = CADRES): Step =>
  record(title, '按审定的名单和金额拨付，凭证归档', {
    event: 'RECORD_PAYMENT',
    title: '登记拨付',
    roles,
    fields: { amount: yuan(), payees: { type: 'integer', minimum: 1 }, voucherNo: text(100) },
    required: ['amount', 'voucherNo'],
  });

export const survey = (title: string, investigators: number): Step =>
  record(title, `入户调查，调查人员不少于 ${investigators} 人，双方签字`, {
    event: 'RECORD_SURVEY',
    title: '登记入户调查',
    roles: CADRES,
    fields: { investigators: { ...listOf(text(50), 10), minItems: investigators }, findings: text(5000) },
    required: ['investigators', 'findings'],
  });

export const acceptApplication = (
  title = '村级受理',
  description = '村民委员会受理申请，材料不全的退回',
): Step =>
  actStep({
    title,
    description,
    act: { event: 'ACCEPT_APPLICATION', title: '受理申请', roles: CADRES, fields: { note: text(2000) } },
    refuse: {
      event: 'REFUSE_APPLICATION',
      title: '不予受理',
      roles: CADRES,
      fields: { reason: text(2000) },
      required: ['reason'],
      to: 'dropped',
    },
  });

/**
 * An application the village assists with and the township decides (低保、特困、临时救助): the village
 * accepts it, and may ask for missing materials as often as needed, but has no act that ends it.
 */
export const assistApplication = (title: string, description: string): Step => {
  const accept: ActSpec = {
    event: 'ACCEPT_APPLICATION',
    title: '受理申请',
    roles: CADRES,
    fields: { note: text(2000) },
  };
  const request: ActSpec = {
    event: 'REQUEST_MATERIALS',
    title: '告知补齐材料',
    roles: CADRES,
    fields: { missing: text(2000) },
    required: ['missing'],
  };
  return ({ next }) => ({
    node: {
      description,
      meta: { title },
      on: {
        ACCEPT_APPLICATION: [{ target: next, actions: [remember('acceptApplication')] }],
        REQUEST_MATERIALS: [{ actions: [remember('materialsRequested')] }],
      },
    },
    events: { ACCEPT_APPLICATION: eventOf(accept), REQUEST_MATERIALS: eventOf(request) },
  });
};

export const filing = (title: string, description: string, roles = TOWNSHIP, effects?: NamedRef[]): Step =>
  actStep({
    title,
    description,
    act: {
      event: 'RECORD_FILING',
      title: '登记备案',
      roles,
      fields: { documentNo: text(100), filedOn: isoDate() },
      required: ['filedOn'],
    },
    ...(effects ? { effects } : {}),
  });

export const archive = (): Step =>
  record('归档', '办理材料整理归档（村务档案）', {
    event: 'ARCHIVE',
    title: '归档',
    roles: CADRES,
    fields: { location: text(200), documents: { type: 'integer', minimum: 1 } },
    required: ['documents'],
  });
