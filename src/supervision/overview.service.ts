import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  SUPERVISION_PROCEDURES,
  SUPERVISION_SATISFACTION_STANDARD,
  type ComplaintSubject,
} from '../../workflows/index.js';
import { LocalTime } from '../common/local-time.js';
import { AccessService } from '../identity/access.service.js';
import type { PersonActor } from '../identity/actor.js';
import { RegionRepository } from '../identity/region.repository.js';
import { startOfLocalDay } from '../time/calendar.js';
import { APPRAISAL_STANDARDS } from '../../workflows/catalog/appraisal-rules.js';
import type { SatisfactionRate } from '../meetings/appraisal.js';
import { OverviewRepository } from './overview.repository.js';

/** One village's row of the comparison table. */
export interface VillageOverview {
  village: { id: string; name: string };
  township: { id: string; name: string };
  matters: { active: number; done: number };
  /** Step time limits (办理时限) due in the year: met late or still overdue, and overdue now. */
  steps: { due: number; late: number; overdueNow: number };
  disclosures: { due: number; onTime: number; late: number; overdueNow: number };
  objections: { bySupervisors: number; byVillagers: number };
  problems: { open: number; closed: number; withdrawn: number };
  /**
   * Villagers' complaints: filed, answered in the year (with the days from filing to answer, summed),
   * rated and rated 满意 or 基本满意, and past their step's time limit now.
   */
  complaints: {
    filed: number;
    answered: number;
    answerDaysSum: number;
    overdueNow: number;
    rated: number;
    satisfied: number;
  };
  /** Complaints filed in the year by what they are about (matter, disclosure, cadre, unpublished, other). */
  complaintKinds: Partial<Record<ComplaintSubject, number>>;
  /**
   * The last 民主测评 counted in the year: the cadres' and the three disclosures' satisfaction rates against
   * the district's 90% standards, and how many cadres were rated 不称职 (twice in a row: the office ends).
   */
  appraisal: {
    heldOn: string;
    cadres: SatisfactionRate;
    disclosure: SatisfactionRate;
    incompetent: number;
    twiceIncompetent: number;
  } | null;
  /** What the township should look at: overdue complaints, rates below the 90% standards, 不称职 cadres. */
  flags: string[];
}

const COUNTED = ['matters', 'steps', 'disclosures', 'objections', 'problems', 'complaints'] as const;

const emptyRow = (village: VillageOverview['village'], township: VillageOverview['township']) => ({
  village,
  township,
  matters: { active: 0, done: 0 },
  steps: { due: 0, late: 0, overdueNow: 0 },
  disclosures: { due: 0, onTime: 0, late: 0, overdueNow: 0 },
  objections: { bySupervisors: 0, byVillagers: 0 },
  problems: { open: 0, closed: 0, withdrawn: 0 },
  complaints: { filed: 0, answered: 0, answerDaysSum: 0, overdueNow: 0, rated: 0, satisfied: 0 },
  complaintKinds: {} as VillageOverview['complaintKinds'],
  appraisal: null as VillageOverview['appraisal'],
  flags: [] as string[],
});

/** The share of rated answers rated satisfied, or null before any is rated. */
export const satisfactionOf = ({ complaints }: Pick<VillageOverview, 'complaints'>): number | null =>
  complaints.rated === 0 ? null : complaints.satisfied / complaints.rated;

function flagsOf(row: VillageOverview): string[] {
  const rate = satisfactionOf(row);
  const standard = SUPERVISION_SATISFACTION_STANDARD.ratio;
  return [
    ...(row.complaints.overdueNow > 0 ? [`投诉逾期未办 ${row.complaints.overdueNow} 件`] : []),
    ...(rate !== null && rate < standard
      ? [`投诉答复满意率 ${Math.round(rate * 1000) / 10}%，低于 ${standard * 100}%`]
      : []),
    ...appraisalFlags(row.appraisal),
  ];
}

function appraisalFlags(appraisal: VillageOverview['appraisal']): string[] {
  if (!appraisal) return [];
  const below = (title: string, rate: SatisfactionRate, [numerator, denominator]: [number, number]) =>
    rate.percent !== null && !rate.meetsStandard
      ? [`${title} ${rate.percent}%，低于 ${(numerator * 100) / denominator}%`]
      : [];
  return [
    ...below('村干部满意率', appraisal.cadres, APPRAISAL_STANDARDS.cadres.ratio),
    ...below('三务公开满意率', appraisal.disclosure, APPRAISAL_STANDARDS.disclosure.ratio),
    ...(appraisal.incompetent > 0 ? [`测评不称职村干部 ${appraisal.incompetent} 人`] : []),
    ...(appraisal.twiceIncompetent > 0
      ? [`连续两次不称职 ${appraisal.twiceIncompetent} 人（职务终止）`]
      : []),
  ];
}

/**
 * The township's and district's view of their villages for a year: matters by status, time limits and
 * disclosures kept or missed, objections, problems open and closed. The district compares villages on
 * it when scoring the yearly "five goods" (五好).
 */
@Injectable()
export class OverviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly overview: OverviewRepository,
    private readonly access: AccessService,
    private readonly regions: RegionRepository,
    private readonly time: LocalTime,
  ) {}

  get timeZone(): string {
    return this.time.timeZone;
  }

  async forRegion(actor: PersonActor, regionId: string, year = Number(this.time.today().slice(0, 4))) {
    const db = this.dataSource.manager;
    const { region, villages } = await this.access.villagesUnder(
      db,
      actor.personId,
      regionId,
      this.time.today(),
    );
    const range = {
      from: startOfLocalDay(`${year}-01-01`, this.time.timeZone),
      to: startOfLocalDay(`${year + 1}-01-01`, this.time.timeZone),
    };
    const townships = new Map(
      (await this.regions.findByIds(db, [...new Set(villages.map((village) => village.parentId ?? ''))])).map(
        (township) => [township.id, { id: township.id, name: township.name }],
      ),
    );
    const rows = new Map<string, VillageOverview>(
      villages.map((village) => [
        village.id,
        emptyRow(
          { id: village.id, name: village.name },
          townships.get(village.parentId ?? '') ?? { id: '', name: '' },
        ),
      ]),
    );
    const ids = [...rows.keys()];
    const problemIds = SUPERVISION_PROCEDURES.map((procedure) => procedure.id);
    const [matters, obligations, acts, complaints, complaintKinds, appraisals] =
      ids.length === 0
        ? [[], [], [], [], [], []]
        : await Promise.all([
            this.overview.matters(db, ids, range, problemIds),
            this.overview.obligations(db, ids, range),
            this.overview.acts(db, ids, range, ['OBJECT', 'FILE_OBJECTION']),
            this.overview.complaints(
              db,
              ids,
              range,
              this.time.now(),
              SUPERVISION_SATISFACTION_STANDARD.satisfied,
            ),
            this.overview.complaintKinds(db, ids, range),
            this.overview.appraisals(db, ids, range),
          ]);
    for (const row of matters) {
      const counts = rows.get(row.village_id)!;
      const count = Number(row.count);
      if (!row.problem) counts.matters[row.status === 'done' ? 'done' : 'active'] += count;
      else if (row.status === 'active') counts.problems.open += count;
      else counts.problems[row.outcome === 'withdrawn' ? 'withdrawn' : 'closed'] += count;
    }
    for (const row of obligations) {
      const counts = rows.get(row.village_id)!;
      const count = Number(row.count);
      const target = row.step ? counts.steps : counts.disclosures;
      target.due += count;
      if (row.status === 'overdue') target.overdueNow += count;
      if (row.late || row.status === 'overdue') target.late += count;
      if (!row.step && row.status === 'fulfilled' && !row.late) counts.disclosures.onTime += count;
    }
    for (const row of acts) {
      const counts = rows.get(row.village_id)!;
      counts.objections[row.event_type === 'OBJECT' ? 'bySupervisors' : 'byVillagers'] += Number(row.count);
    }
    for (const row of complaints) {
      const { answer_days, overdue_now, ...counts } = row;
      Object.assign(rows.get(row.village_id)!.complaints, {
        filed: counts.filed,
        answered: counts.answered,
        answerDaysSum: Math.round(answer_days * 10) / 10,
        overdueNow: overdue_now,
        rated: counts.rated,
        satisfied: counts.satisfied,
      });
    }
    for (const { village_id, subject, filed } of complaintKinds) {
      rows.get(village_id)!.complaintKinds[subject as ComplaintSubject] = filed;
    }
    for (const { village_id, held_on, result } of appraisals) {
      const cadres = result.subjects.filter((subject) => subject.kind === 'cadre');
      rows.get(village_id)!.appraisal = {
        heldOn: held_on,
        cadres: result.cadres,
        disclosure: result.disclosure,
        incompetent: cadres.filter((subject) => subject.incompetent).length,
        twiceIncompetent: cadres.filter((subject) => subject.twiceIncompetent).length,
      };
    }
    for (const row of rows.values()) row.flags = flagsOf(row);
    const villagesOverview = [...rows.values()].sort(
      (a, b) =>
        a.township.name.localeCompare(b.township.name, 'zh-CN') ||
        a.village.name.localeCompare(b.village.name, 'zh-CN'),
    );
    return {
      region: { id: region.id, name: region.name, kind: region.kind },
      year,
      villages: villagesOverview,
      totals: totalsOf(villagesOverview),
    };
  }
}

/** Column sums across villages, in the same shape as a row's counts. */
function totalsOf(
  rows: VillageOverview[],
): Omit<VillageOverview, 'village' | 'township' | 'flags' | 'appraisal' | 'complaintKinds'> {
  const totals = emptyRow({ id: '', name: '' }, { id: '', name: '' });
  for (const row of rows) {
    for (const subject of COUNTED) {
      const sums = totals[subject] as Record<string, number>;
      for (const [key, value] of Object.entries(row[subject])) sums[key] += value;
    }
  }
  const {
    village: _village,
    township: _township,
    flags: _flags,
    appraisal: _a,
    complaintKinds: _k,
    ...counts
  } = totals;
  return counts;
}
