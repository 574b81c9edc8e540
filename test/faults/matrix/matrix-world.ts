import { randomUUID } from 'node:crypto';
import { TokenService } from '../../../src/identity/token.service.js';
import { AttachmentsService } from '../../../src/disclosure/attachments.service.js';
import { ComplaintsService } from '../../../src/complaints/complaints.service.js';
import { EngineService } from '../../../src/engine/engine.service.js';
import { BulletinOutboxService } from '../../../src/notifications/bulletin-outbox.service.js';
import { VillagePeopleService } from '../../../src/identity/village-people.service.js';
import { DocumentRequestsService } from '../../../src/supervision/document-requests.service.js';
import { majorMatterInputs } from '../../factories/matter.driver.js';
import {
  actorOf,
  createVillage,
  type MemberKey,
  type VillageWorld,
} from '../../factories/village.factory.js';
import type { TestApp } from '../../support/test-app.js';

/**
 * Where a request points: the caller's own village, another village of the same township (foreign to
 * its villagers, under the same township officer), or a village of another district (foreign to all).
 */
export type Scope = 'own' | 'neighbour' | 'far';
export type Level = 'village' | 'township' | 'district' | 'none';
export interface Target {
  scope: Scope;
  level: Level;
}

/** Ids that reads may share: nothing done through them changes them. */
export interface Site {
  world: VillageWorld;
  /** A major matter (A1) waiting for its plan. */
  matterId: string;
  /** A quarterly disclosure (H7) published with a file: what the public board shows. */
  publicMatterId: string;
  attachmentId: string;
  /** An anonymous complaint about a cadre, waiting to be acknowledged, and the code it is tracked by. */
  complaintId: string;
  receiptCode: string;
  /** A photo the complainant added to it. */
  evidenceId: string;
}

/** Ids for one route that changes what it touches (moves a matter, answers a request, ends a role). */
export interface FreshIds {
  matterId: string;
  requestId: string;
  personId: string;
  membershipId: string;
  /** A complaint just filed: each route that moves it gets one of its own. */
  complaintId: string;
  /** The code of the complaint just filed (`complaintId`). */
  filedReceiptCode: string;
  /** The code of a complaint answered by the inspector, waiting for its rating. */
  answeredReceiptCode: string;
  /** The token of a subscription just made, unconfirmed: its confirmation's link, later every bulletin's. */
  unsubscribeToken: string;
}

export interface MatrixWorld {
  sites: Record<Scope, Site>;
  fresh(scope: Scope): Promise<FreshIds>;
  /** New tokens for everyone of the own village, as after logging in again (a password change ends all). */
  renewTokens(t: TestApp): Promise<void>;
}

/** Three villages, each with a running matter, a published disclosure with its file, and its people. */
export async function buildMatrixWorld(t: TestApp): Promise<MatrixWorld> {
  const own = await createVillage(t);
  const neighbour = await createVillage(t, { within: own });
  const far = await createVillage(t);
  const sites = {
    own: await siteOf(t, own),
    neighbour: await siteOf(t, neighbour),
    far: await siteOf(t, far),
  };
  return {
    sites,
    fresh: (scope) => freshIds(t, sites[scope].world),
    renewTokens: async (app) => {
      for (const person of Object.values(own.people)) {
        person.token = (await app.get(TokenService).issue(person)).token;
      }
    },
  };
}

async function siteOf(t: TestApp, world: VillageWorld): Promise<Site> {
  const engine = t.get(EngineService);
  const as = (who: MemberKey) => actorOf(world, who);
  const attachment = await t.get(AttachmentsService).upload(as('committee1'), world.villageId, {
    filename: '季度收支.txt',
    mediaType: 'text/plain',
    content: Buffer.from('收入 100 元，支出 80 元'),
  });
  const disclosure = await engine.start({
    villageId: world.villageId,
    actor: as('secretary'),
    procedureId: 'H7',
    inputs: { title: '2026年第一季度村务公开', period: '2026-Q1' },
  });
  const step = (who: MemberKey, type: string, payload: object) =>
    engine.send({
      villageId: world.villageId,
      matterId: disclosure.view.id,
      actor: as(who),
      type,
      payload: payload as never,
    });
  await step('supervisor', 'SUPERVISOR_APPROVE', { opinion: '内容齐全' });
  await step('committee1', 'SUBMIT_DISCLOSURE', {
    title: '2026年第一季度村务公开',
    body: '收支明细见附件',
    attachments: [attachment.id],
  });
  const published = await step('supervisor2', 'GIVE_OPINION', { opinion: '同意公开' });
  const disclosures = published.view.disclosures as { status: string }[];
  if (!disclosures.some((item) => item.status === 'published')) {
    throw new Error(`the fixture's disclosure did not publish: ${JSON.stringify(disclosures)}`);
  }
  return {
    world,
    matterId: await startMajorMatter(t, world),
    publicMatterId: disclosure.view.id,
    attachmentId: attachment.id,
    ...(await complaintWithEvidence(t, world)),
  };
}

/** A tiny PNG, as a complainant's phone would send a photo. */
export const EVIDENCE_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

async function complaintWithEvidence(t: TestApp, world: VillageWorld) {
  const filed = await fileComplaint(t, world);
  const withFile = await t
    .get(ComplaintsService)
    .addEvidence(world.villageId, filed.receiptCode, { filename: '照片.png', content: EVIDENCE_PNG });
  return { ...filed, evidenceId: withFile.evidence[0].id };
}

async function answeredComplaint(t: TestApp, world: VillageWorld): Promise<string> {
  const { complaintId, receiptCode } = await fileComplaint(t, world);
  const complaints = t.get(ComplaintsService);
  const inspector = actorOf(world, 'inspector');
  await complaints.acknowledge(inspector, world.villageId, complaintId);
  await complaints.answer(inspector, world.villageId, complaintId, {
    handling: 'answer',
    reply: '经核查，情况不属实',
  });
  return receiptCode;
}

async function fileComplaint(t: TestApp, world: VillageWorld) {
  const { complaint, receiptCode } = await t.get(ComplaintsService).file({
    villageId: world.villageId,
    subject: 'cadre',
    subjectId: world.people.committee1.personId,
    body: '村道工程施工方是村干部亲属',
  });
  return { complaintId: complaint.id, receiptCode };
}

async function startMajorMatter(t: TestApp, world: VillageWorld): Promise<string> {
  const { view } = await t.get(EngineService).start({
    villageId: world.villageId,
    actor: actorOf(world, 'secretary'),
    procedureId: 'A1',
    inputs: majorMatterInputs(),
  });
  return view.id;
}

async function freshIds(t: TestApp, world: VillageWorld): Promise<FreshIds> {
  const matterId = await startMajorMatter(t, world);
  await t.get(DocumentRequestsService).request({
    villageId: world.villageId,
    matterId,
    actor: actorOf(world, 'supervisor'),
    request: '请提供工程预算明细',
  });
  const [{ id: requestId }] = await t.dataSource.query<{ id: string }[]>(
    'SELECT id FROM document_request WHERE village_id = $1 AND matter_id = $2',
    [world.villageId, matterId],
  );
  const created = await t
    .get(VillagePeopleService)
    .createPerson(actorOf(world, 'secretary'), world.villageId, {
      name: '临时村民',
      household: 'H99',
      roles: [{ role: 'villager' }],
    });
  return {
    matterId,
    requestId,
    personId: created.person.id,
    membershipId: created.membershipIds[0],
    ...(({ complaintId, receiptCode }) => ({ complaintId, filedReceiptCode: receiptCode }))(
      await fileComplaint(t, world),
    ),
    answeredReceiptCode: await answeredComplaint(t, world),
    unsubscribeToken: (
      await t.get(BulletinOutboxService).subscribe(world.villageId, 'email', `${randomUUID()}@example.cn`)
    ).unsubscribe_token,
  };
}
