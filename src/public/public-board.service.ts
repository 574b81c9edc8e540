import { ReadSource } from '../database/read-source.js';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import { AttachmentsService } from '../disclosure/attachments.service.js';
import { disclosureFields } from '../disclosure/disclosure-fields.js';
import { ObligationRepository } from '../disclosure/obligation.repository.js';
import { periodBounds } from '../disclosure/periods.js';
import { RegionRepository } from '../identity/region.repository.js';
import { addDays, daysBetween, localDate, startOfLocalDay } from '../time/calendar.js';
import { MEETING_BODIES, ROLE_TITLES, type MeetingBody, type Role } from '../../workflows/index.js';
import { actTitle } from '../engine/act-words.js';
import { MatterRepository } from '../engine/matter.repository.js';
import { pathTaken } from '../engine/path-taken.js';
import { stepTitleOf } from '../engine/state-path.js';
import { TraceRepository } from '../engine/trace.repository.js';
import { ProcedureCatalog } from '../procedures/procedure-catalog.service.js';
import { ChainHeadsService } from './chain-heads.service.js';
import { bulletinText } from './bulletin-text.js';
import { PublicBoardRepository, type BoardDisclosure } from './public-board.repository.js';

const PAST_LIMIT = 50;

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The village's public board (公开栏), readable without logging in: what is public now and for how much
 * longer, what was published before, the monthly bulletin (村情月报) and a feed others can follow.
 */
@Injectable()
export class PublicBoardService {
  constructor(
    private readonly reads: ReadSource,
    private readonly board: PublicBoardRepository,
    private readonly regions: RegionRepository,
    private readonly obligations: ObligationRepository,
    private readonly attachments: AttachmentsService,
    private readonly chain: ChainHeadsService,
    private readonly matters: MatterRepository,
    private readonly traces: TraceRepository,
    private readonly catalog: ProcedureCatalog,
    private readonly time: LocalTime,
  ) {}

  villages() {
    return this.reads.read((db) => this.board.villages(db));
  }

  async current(villageId: string) {
    return this.reads.read(async (db) => {
      const village = await this.village(villageId);
      const now = this.time.now();
      const [current, past, overdue, chain] = await Promise.all([
        this.board.disclosures(db, villageId, { statuses: ['published'], limit: 200 }),
        this.board.disclosures(db, villageId, { statuses: ['ended'], limit: PAST_LIMIT }),
        this.obligations.listForVillages(db, [villageId], { statuses: ['overdue'] }),
        this.chain.heads(villageId),
      ]);
      return {
        village,
        now: now.toISOString(),
        current: current.map((disclosure) => ({
          ...this.view(disclosure),
          daysLeft: this.daysLeft(disclosure, now),
        })),
        past: past.map((disclosure) => this.view(disclosure)),
        // Overdue disclosures and step deadlines: villagers see what is late as well as what is done.
        overdue: overdue.map((obligation) => ({
          kind: obligation.kind,
          title: obligation.title,
          period: obligation.periodLabel,
          dueAt: obligation.dueAt.toISOString(),
        })),
        // The record's fingerprint at each day's end: a later rewrite of history cannot match it.
        chain,
      };
    });
  }

  /**
   * A matter's public record, once something of it was made public: its steps (acts and roles, not
   * names), where it stands, the path for its flowchart, and its published disclosures.
   */
  async matterRecord(villageId: string, matterId: string) {
    return this.reads.read(async (db) => {
      const village = await this.village(villageId);
      const disclosures = await this.board.disclosures(db, villageId, {
        statuses: ['published', 'ended'],
        matterId,
        limit: 50,
      });
      const matter = disclosures.length ? await this.matters.findById(db, villageId, matterId) : null;
      if (!matter) throw new DomainError('MATTER.NOT_FOUND', { matterId });
      const procedure = await this.catalog.forMatter(db, matter);
      const [rows, meetings, objections] = await Promise.all([
        this.traces.listByMatter(db, villageId, matterId),
        this.board.meetingsOfMatter(db, villageId, matterId),
        this.board.objectionsOfMatter(db, villageId, matterId),
      ]);
      const machine = procedure.definition.machine;
      return {
        village,
        title: matter.title,
        procedure: {
          id: matter.procedureId,
          version: matter.procedureVersion,
          title: procedure.definition.title,
        },
        step: stepTitleOf(machine, matter.state),
        path: pathTaken(matter.state, rows),
        steps: rows
          .filter((row) => row.accepted)
          .map((row) => ({
            at: row.at,
            act: actTitle(procedure, row.eventType),
            role: ROLE_TITLES[row.actorRole as Role] ?? '',
          })),
        meetings: meetings.map((meeting) => ({
          ...meeting,
          bodyTitle: MEETING_BODIES[meeting.body as MeetingBody] ?? '',
        })),
        // The supervisors' objections with their reasons: what they asked to be done again, and why.
        supervisorObjections: rows
          .filter((row) => row.accepted && row.eventType === 'OBJECT')
          .map((row) => ({
            at: row.at,
            reason: textOf((row.payload as { reason?: unknown }).reason),
            step: row.stateBefore ? stepTitleOf(machine, row.stateBefore) : '',
          })),
        disclosures: disclosures.map((disclosure) => ({
          ...this.view(disclosure),
          objections: objections.filter((objection) => objection.disclosureId === disclosure.id),
        })),
      };
    });
  }

  /** The month's disclosures, decisions and obligations, as data and as text for SMS or a WeChat group. */
  async bulletin(villageId: string, month: string) {
    return this.reads.read(async (db) => {
      const village = await this.village(villageId);
      const from = startOfLocalDay(`${month}-01`, this.time.timeZone);
      const to = startOfLocalDay(addDays(periodBounds(month).last, 1), this.time.timeZone);
      const [disclosures, decisions, obligations] = await Promise.all([
        this.board.disclosures(db, villageId, {
          statuses: ['published', 'ended'],
          publishedFrom: from,
          publishedTo: to,
          limit: 500,
        }),
        this.board.decisions(db, villageId, from, to),
        this.obligations.listForVillages(db, [villageId], { dueFrom: from, dueTo: to }),
      ]);
      const bulletin = {
        village,
        month,
        disclosures: disclosures.reverse().map((disclosure) => this.view(disclosure)),
        decisions,
        obligations: obligations
          .filter((obligation) => obligation.periodLabel)
          .map((obligation) => ({
            title: obligation.title,
            period: obligation.periodLabel,
            status: obligation.status,
          })),
      };
      return { ...bulletin, text: bulletinText(bulletin, this.time.timeZone) };
    });
  }

  async feedItems(villageId: string) {
    const village = await this.village(villageId);
    const items = await this.reads.read((db) =>
      this.board.disclosures(db, villageId, { statuses: ['published', 'ended'], limit: 50 }),
    );
    return { village, items: items.map((disclosure) => this.view(disclosure)) };
  }

  /** An attachment is public once the disclosure carrying it is published. */
  async attachment(villageId: string, attachmentId: string) {
    if (!(await this.reads.read((db) => this.board.isPublicAttachment(db, villageId, attachmentId)))) {
      throw new DomainError('ATTACHMENT.NOT_FOUND', { attachmentId });
    }
    return this.attachments.find(villageId, attachmentId);
  }

  async village(villageId: string) {
    const village = await this.reads.read((db) => this.regions.findById(db, villageId));
    if (village?.kind !== 'village') throw new DomainError('REGION.NOT_FOUND', { regionId: villageId });
    return { id: village.id, name: village.name };
  }

  private view(disclosure: BoardDisclosure) {
    return {
      id: disclosure.id,
      matterId: disclosure.matterId,
      matterTitle: disclosure.matterTitle,
      procedureId: disclosure.procedureId,
      ...disclosureFields(disclosure),
      publishedAt: disclosure.publishedAt.toISOString(),
      periodEndsAt: disclosure.periodEndsAt?.toISOString() ?? null,
      openObjections: disclosure.openObjections,
    };
  }

  /** Whole days after today up to the period's last day, as a notice reads: 0 on the last day itself. */
  private daysLeft(disclosure: BoardDisclosure, now: Date): number {
    if (!disclosure.periodEndsAt) return 0;
    const lastDay = localDate(new Date(disclosure.periodEndsAt.getTime() - 1), this.time.timeZone);
    return Math.max(0, daysBetween(this.time.dateOf(now), lastDay));
  }
}
