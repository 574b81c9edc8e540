import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  COMPLAINT_HANDLINGS,
  COMPLAINT_LIMITS,
  COMPLAINT_RATINGS,
  COMPLAINT_SUBJECTS,
  type ComplaintHandling,
  type ComplaintLimit,
  type ComplaintRating,
  type ComplaintSubject,
  ROLE_TITLES,
  type Role,
} from '../../workflows/index.js';
import { digestOf } from '../common/canonical-json.js';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import { AppConfig } from '../config/app-config.js';
import { isUuid } from '../common/uuid.js';
import { TraceService } from '../engine/trace.service.js';
import { AccessService } from '../identity/access.service.js';
import { LoginSecurityRepository } from '../identity/login-security.repository.js';
import { RegionRepository } from '../identity/region.repository.js';
import type { PersonActor } from '../identity/actor.js';
import { OFFICIAL_ROLES, type OfficialRole } from '../identity/official-post.entity.js';
import { CalendarService } from '../time/calendar.service.js';
import { periodEnd } from '../time/calendar.js';
import { ComplaintEntity, type ComplaintStatus } from './complaint.entity.js';
import { ComplaintRepository } from './complaint.repository.js';
import { evidenceFile, MAX_EVIDENCE_FILES } from './evidence-file.js';
import { newReceiptCode, normalisedReceiptCode, receiptHashOf } from './receipt-code.js';

export interface FilingCommand {
  villageId: string;
  subject: ComplaintSubject;
  subjectId?: string;
  body: string;
  /** The logged-in villager who files it; absent for an anonymous complaint. */
  complainant?: PersonActor;
  /** Where an anonymous complaint came from (the client's address), to hold a flood back. */
  address?: string;
}

const FILING_WINDOW_MS = 3600_000;

/** Subjects that name what they are about, and those that cannot (what was never published). */
const NAMED_SUBJECTS: readonly ComplaintSubject[] = ['matter', 'disclosure', 'cadre'];

/**
 * The complaint loop (投诉举报) as the "监督一点通" platforms run it: a villager complains, by name or
 * anonymously with a receipt code; the township's discipline inspector acknowledges and answers it
 * (directly, after reading the village's documents, or by ordering a rectification, S1); the complainant
 * rates the answer, and an unsatisfied one goes once to the district for review. Every step is appended to
 * the village's chain with the complaint's id and never the complainant: the chain is the village's.
 */
@Injectable()
export class ComplaintsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintRepository,
    private readonly access: AccessService,
    private readonly traces: TraceService,
    private readonly calendars: CalendarService,
    private readonly time: LocalTime,
    private readonly config: AppConfig,
    private readonly regions: RegionRepository,
    private readonly throttle: LoginSecurityRepository,
  ) {}

  async file(command: FilingCommand) {
    // Counted in a transaction of its own, first: a refused or failed filing still counts against a flood.
    if (!command.complainant && command.address) await this.admitAnonymous(command.address);
    return this.dataSource.transaction(async (db) => {
      const { villageId, subjectId, complainant } = command;
      const subject = requireChoice('subject', command.subject, COMPLAINT_SUBJECTS);
      const body = requireText('body', command.body, 5, 2000);
      await this.requireVillageExists(db, villageId);
      // A named complaint comes from someone of the village; anyone may complain anonymously.
      if (complainant)
        await this.access.requireVillage(db, complainant.personId, villageId, this.time.today());
      await this.requireSubject(db, villageId, subject, subjectId);
      const now = this.time.now();
      const code = newReceiptCode();
      const complaint: ComplaintEntity = {
        villageId,
        id: randomUUID(),
        receiptHash: receiptHashOf(normalisedReceiptCode(code)!),
        subject,
        subjectId: subjectId ?? null,
        body,
        complainantPersonId: complainant?.personId ?? null,
        filedAt: now,
        acknowledgeBy: await this.deadline(db, villageId, now, COMPLAINT_LIMITS.acknowledge),
        status: 'filed',
        acknowledgedAt: null,
        answerBy: null,
        handlerPersonId: null,
        handling: null,
        rectificationMatterId: null,
        reply: null,
        answeredAt: null,
        rating: null,
        ratingComment: null,
        ratedAt: null,
        reviewBy: null,
        reviewReply: null,
        reviewerPersonId: null,
        reviewedAt: null,
        evidence: [],
      };
      await this.complaints.insert(db, complaint);
      await this.trace(db, complaint, null, 'COMPLAINT_FILED', null, {
        subject,
        bodyDigest: digestOf({ body }),
      });
      return { complaint, receiptCode: code };
    });
  }

  /**
   * Counts one anonymous filing from an address on the login throttle's rows (a key per address, across
   * processes); a quiet hour starts the count over.
   */
  private async admitAnonymous(address: string): Promise<void> {
    const { failures: filed } = await this.dataSource.transaction((db) =>
      this.throttle.countAttempt(db, `complaint:${address}`, new Date(), FILING_WINDOW_MS),
    );
    if (filed > this.config.anonymousComplaintsPerHour) {
      throw new DomainError(
        'REQUEST.RATE_LIMITED',
        { retryAfterSeconds: FILING_WINDOW_MS / 1000 },
        '同一网络一小时内匿名投诉过多，请稍后再试，或登录后署名投诉',
      );
    }
  }

  byReceipt(villageId: string, typed: string): Promise<ComplaintEntity> {
    return this.findByReceipt(this.dataSource.manager, villageId, typed, false);
  }

  /** The complaint a receipt code stands for; a wrong or malformed code finds nothing, as a missing one. */
  private async findByReceipt(db: EntityManager, villageId: string, typed: string, lock: boolean) {
    const code = normalisedReceiptCode(typed);
    const found = code && (await this.complaints.byReceipt(db, villageId, receiptHashOf(code), lock));
    if (!found) throw new DomainError('COMPLAINT.NOT_FOUND');
    return found;
  }

  private async requireVillageExists(db: EntityManager, villageId: string): Promise<void> {
    const region = await this.regions.findById(db, villageId);
    if (region?.kind !== 'village') throw new DomainError('REGION.NOT_FOUND', { regionId: villageId });
  }

  rate(villageId: string, typed: string, rating: ComplaintRating, comment?: string) {
    return this.dataSource.transaction(async (db) => {
      const found = await this.findByReceipt(db, villageId, typed, true);
      requireStatus(found, ['answered']);
      requireChoice('rating', rating, COMPLAINT_RATINGS);
      if (comment !== undefined) requireText('comment', comment, 1, 500);
      const now = this.time.now();
      const unsatisfied = rating === 'dissatisfied';
      const changed = await this.complaints.update(db, found, {
        rating,
        ratingComment: comment ?? null,
        ratedAt: now,
        status: unsatisfied ? 'inReview' : 'rated',
        reviewBy: unsatisfied ? await this.deadline(db, villageId, now, COMPLAINT_LIMITS.review) : null,
      });
      await this.trace(db, changed, null, 'COMPLAINT_RATED', found.status, { rating });
      return changed;
    });
  }

  /**
   * A photo or PDF added by whoever holds the receipt code, until the complaint is answered, at most
   * three. The chain records that evidence came and its digest, never the file.
   */
  addEvidence(villageId: string, typed: string, file: { filename?: string; content: unknown }) {
    return this.dataSource.transaction(async (db) => {
      const found = await this.findByReceipt(db, villageId, typed, true);
      requireStatus(found, ['filed', 'acknowledged']);
      if (found.evidence.length >= MAX_EVIDENCE_FILES) {
        throw new DomainError('COMPLAINT.EVIDENCE_FULL', { max: MAX_EVIDENCE_FILES });
      }
      const evidence = evidenceFile(file.content, file.filename, this.time.now());
      const changed = await this.complaints.addEvidence(db, found, evidence);
      await this.trace(db, changed, null, 'COMPLAINT_EVIDENCE_ADDED', found.status, {
        sha256: evidence.ref.sha256,
      });
      return changed;
    });
  }

  /** A file of a complaint, for its handlers alone (as `handle` admits them), never the village. */
  async evidence(actor: PersonActor, villageId: string, complaintId: string, evidenceId: string) {
    const db = this.dataSource.manager;
    await this.requireHandler(db, actor, villageId, ['discipline_inspector', 'district_admin']);
    const found = await this.complaints.byId(db, villageId, complaintId);
    const ref = found?.evidence.find((file) => file.id === evidenceId);
    const content = ref && (await this.complaints.evidenceContent(db, villageId, complaintId, evidenceId));
    if (!ref || !content) throw new DomainError('ATTACHMENT.NOT_FOUND', { attachmentId: evidenceId });
    return { ...ref, content };
  }

  acknowledge(actor: PersonActor, villageId: string, complaintId: string) {
    return this.handle(actor, villageId, complaintId, 'discipline_inspector', async (db, found, now) => {
      requireStatus(found, ['filed']);
      return {
        event: 'COMPLAINT_ACKNOWLEDGED',
        payload: {},
        changes: {
          status: 'acknowledged',
          acknowledgedAt: now,
          handlerPersonId: actor.personId,
          answerBy: await this.deadline(db, villageId, now, COMPLAINT_LIMITS.answer),
        },
      };
    });
  }

  answer(
    actor: PersonActor,
    villageId: string,
    complaintId: string,
    answer: { handling: ComplaintHandling; reply: string; rectificationMatterId?: string },
  ) {
    return this.handle(actor, villageId, complaintId, 'discipline_inspector', async (db, found, now) => {
      requireStatus(found, ['acknowledged']);
      const handling = requireChoice('handling', answer.handling, COMPLAINT_HANDLINGS);
      const reply = requireText('reply', answer.reply, 5, 5000);
      const { rectificationMatterId } = answer;
      if ((handling === 'rectification') !== Boolean(rectificationMatterId)) {
        throw new DomainError('COMPLAINT.RECTIFICATION_INVALID');
      }
      if (
        rectificationMatterId &&
        (!isUuid(rectificationMatterId) ||
          !(await this.complaints.isRectification(db, villageId, rectificationMatterId)))
      ) {
        throw new DomainError('COMPLAINT.RECTIFICATION_INVALID', { rectificationMatterId });
      }
      return {
        event: 'COMPLAINT_ANSWERED',
        payload: {
          handling,
          replyDigest: digestOf({ reply }),
          rectificationMatterId: rectificationMatterId ?? null,
        },
        changes: {
          status: 'answered',
          handling,
          reply,
          rectificationMatterId: rectificationMatterId ?? null,
          answeredAt: now,
          handlerPersonId: actor.personId,
        },
      };
    });
  }

  review(actor: PersonActor, villageId: string, complaintId: string, reply: string) {
    return this.handle(actor, villageId, complaintId, 'district_admin', (_db, found, now) => {
      requireStatus(found, ['inReview']);
      reply = requireText('reply', reply, 5, 5000);
      return Promise.resolve({
        event: 'COMPLAINT_REVIEWED',
        payload: { replyDigest: digestOf({ reply }) },
        changes: {
          status: 'reviewed',
          reviewReply: reply,
          reviewerPersonId: actor.personId,
          reviewedAt: now,
        },
      });
    });
  }

  /** What a complaint form offers: the village and its cadres (as public as the 责任清单). */
  async filingChoices(villageId: string) {
    const db = this.dataSource.manager;
    await this.requireVillageExists(db, villageId);
    const cadres = await this.complaints.cadresOf(db, villageId, this.time.today());
    return { cadres: cadres.map(({ id, name, role }) => ({ id, name, title: ROLE_TITLES[role as Role] })) };
  }

  /** Rectifications running in the villages, by village: what an answer may order. */
  async rectificationsIn(villageIds: string[]) {
    const rows = await this.complaints.rectificationsOf(this.dataSource.manager, villageIds);
    const byVillage: Record<string, { id: string; title: string }[]> = {};
    for (const row of rows) (byVillage[row.village_id] ??= []).push({ id: row.id, title: row.title });
    return byVillage;
  }

  /** The complaints of every village under a township or district, for its inspector or its admin. */
  async underRegion(actor: PersonActor, regionId: string) {
    const db = this.dataSource.manager;
    const { region, villages, postRoles } = await this.access.villagesUnder(
      db,
      actor.personId,
      regionId,
      this.time.today(),
    );
    if (!postRoles.has('discipline_inspector') && !postRoles.has('district_admin')) {
      throw new DomainError('AUTH.FORBIDDEN');
    }
    const rows = await this.complaints.ofVillages(
      db,
      villages.map((village) => village.id),
    );
    // Who complained is for the township's handler alone: the district reviews the answer, not the person.
    const named = postRoles.has('discipline_inspector');
    const shown = named ? rows : rows.map((row) => ({ ...row, complainantName: null }));
    return { region, villages, rows: shown, postRoles, now: this.time.now() };
  }

  private handle(
    actor: PersonActor,
    villageId: string,
    complaintId: string,
    role: Role,
    act: (
      db: EntityManager,
      found: ComplaintEntity,
      now: Date,
    ) => Promise<{ event: string; payload: Record<string, unknown>; changes: Partial<ComplaintEntity> }>,
  ) {
    return this.dataSource.transaction(async (db) => {
      await this.requireHandler(db, actor, villageId, [role]);
      const found = await this.complaints.byId(db, villageId, complaintId, true);
      if (!found) throw new DomainError('COMPLAINT.NOT_FOUND');
      const now = this.time.now();
      const { event, payload, changes } = await act(db, found, now);
      const changed = await this.complaints.update(db, found, changes);
      await this.trace(db, changed, { personId: actor.personId, role }, event, found.status, payload);
      return changed;
    });
  }

  /**
   * A handler of the village's complaints in one of `roles`, holding no role in the village itself.
   * Someone with no standing in the village learns nothing, not even that the complaint exists.
   */
  private async requireHandler(db: EntityManager, actor: PersonActor, villageId: string, roles: Role[]) {
    const held = await this.access.requireVillage(db, actor.personId, villageId, this.time.today());
    if (!roles.some((role) => held.has(role)) || holdsVillageRole(held))
      throw new DomainError('AUTH.FORBIDDEN');
  }

  private async requireSubject(
    db: EntityManager,
    villageId: string,
    subject: ComplaintSubject,
    subjectId: string | undefined,
  ): Promise<void> {
    const named = NAMED_SUBJECTS.includes(subject);
    if (named !== Boolean(subjectId)) throw new DomainError('COMPLAINT.SUBJECT_INVALID', { subject });
    if (
      subjectId &&
      (!isUuid(subjectId) || !(await this.complaints.subjectExists(db, villageId, subject, subjectId)))
    ) {
      throw new DomainError('COMPLAINT.SUBJECT_INVALID', { subject, subjectId });
    }
  }

  private async deadline(db: EntityManager, villageId: string, from: Date, limit: ComplaintLimit) {
    const calendar = await this.calendars.forVillage(db, villageId);
    return periodEnd(from, { days: limit.days, unit: limit.unit }, this.time.timeZone, calendar);
  }

  /** One step of the loop in the village's chain: the complaint's id and status, never who complained. */
  private trace(
    db: EntityManager,
    complaint: ComplaintEntity,
    actor: { personId: string; role: Role } | null,
    eventType: string,
    before: ComplaintStatus | null,
    payload: Record<string, unknown>,
  ) {
    return this.traces.appendVillageAct(db, {
      villageId: complaint.villageId,
      actorPersonId: actor?.personId ?? null,
      actorRole: actor?.role ?? null,
      eventType,
      payload: { complaintId: complaint.id, ...payload },
      stateBefore: before,
      stateAfter: complaint.status,
      at: this.time.now(),
    });
  }
}

/**
 * Text the loop keeps, checked here as well as by the API's validation: the console's and the public
 * pages' forms come in by another door. Lengths count characters, as JSON Schema's `maxLength` does.
 */
function requireText(field: string, value: unknown, min: number, max: number): string {
  const length = typeof value === 'string' ? [...value.trim()].length : -1;
  if (typeof value !== 'string' || length < min || length > max || value.includes('\u0000')) {
    throw new DomainError(
      'REQUEST.INVALID',
      { field },
      `${FIELD_WORDS[field] ?? field}须为 ${min} 至 ${max} 字`,
    );
  }
  return value.trim();
}

const FIELD_WORDS: Record<string, string> = { body: '投诉内容', reply: '答复', comment: '补充意见' };

function requireChoice<T extends string>(field: string, value: unknown, words: Record<T, string>): T {
  if (typeof value !== 'string' || !Object.hasOwn(words, value)) {
    throw new DomainError('REQUEST.INVALID', { field }, `请选择：${Object.values<string>(words).join('、')}`);
  }
  return value as T;
}

/**
 * Whether the person also holds a role in the village itself (an official who is one of its villagers or
 * cadres): they may not handle complaints about the village they live in and may be complained about in.
 */
const holdsVillageRole = (roles: ReadonlySet<Role>) =>
  [...roles].some((held) => !OFFICIAL_ROLES.includes(held as OfficialRole));

function requireStatus(complaint: ComplaintEntity, allowed: ComplaintStatus[]): void {
  if (!allowed.includes(complaint.status)) {
    throw new DomainError('COMPLAINT.WRONG_STATUS', { status: complaint.status });
  }
}
