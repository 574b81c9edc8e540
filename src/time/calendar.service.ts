import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import { TraceService } from '../engine/trace.service.js';
import { AccessService } from '../identity/access.service.js';
import type { PersonActor } from '../identity/actor.js';
import { MembershipRepository } from '../identity/membership.repository.js';
import { RegionRepository } from '../identity/region.repository.js';
import { CalendarDayEntity } from './calendar-day.entity.js';
import { WorkingCalendar } from './calendar.js';

/**
 * The working-day calendar of a district: the national days plus its own (which win on the same date).
 * Each is kept in memory as long as its rows are unchanged: every use asks the database for a digest of
 * their ids (one statement over a table of a few hundred rows), so that a day another app process added
 * counts here at once: no period is computed on one process's old calendar.
 */
@Injectable()
export class CalendarService {
  private readonly cache = new Map<string, { stamp: string; calendar: WorkingCalendar }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly regions: RegionRepository,
    private readonly memberships: MembershipRepository,
    private readonly traces: TraceService,
    private readonly time: LocalTime,
  ) {}

  async forVillage(db: EntityManager, villageId: string): Promise<WorkingCalendar> {
    const lineage = await this.access.lineage(db, villageId);
    return this.forDistrict(db, lineage?.district.id ?? null);
  }

  async forDistrict(db: EntityManager, districtId: string | null): Promise<WorkingCalendar> {
    const key = districtId ?? 'national';
    const stamp = await this.stampOf(db, districtId);
    const cached = this.cache.get(key);
    if (cached?.stamp === stamp) return cached.calendar;
    const rows = await this.entries(db, districtId);
    const entries = new Map<string, 'holiday' | 'workday'>();
    for (const row of rows.filter((entry) => !entry.regionId)) entries.set(row.date, row.kind);
    for (const row of rows.filter((entry) => entry.regionId)) entries.set(row.date, row.kind);
    const calendar = new WorkingCalendar(entries);
    this.cache.set(key, { stamp, calendar });
    return calendar;
  }

  async list(districtId: string | null, year?: number) {
    const rows = await this.entries(this.dataSource.manager, districtId);
    return rows
      .filter((row) => !year || row.date.startsWith(String(year)))
      .map((row) => ({
        date: row.date,
        kind: row.kind,
        name: row.name,
        provisional: row.provisional,
        district: row.regionId !== null,
      }));
  }

  /** The years the national calendar has data for, and whether each is still provisional. */
  async nationalYears(): Promise<{ year: number; provisional: boolean }[]> {
    const rows = await this.entries(this.dataSource.manager, null);
    const years = new Map<number, boolean>();
    for (const row of rows) {
      const year = Number(row.date.slice(0, 4));
      years.set(year, (years.get(year) ?? false) || row.provisional);
    }
    return [...years].map(([year, provisional]) => ({ year, provisional }));
  }

  /**
   * A district's calendar for one year as its page shows it: the district of the region given (a
   * township's is its district's), and whether the caller may add days to it.
   */
  async districtYear(actor: PersonActor, regionId: string, year: number) {
    const db = this.dataSource.manager;
    const region = await this.regions.findById(db, regionId);
    const district =
      region?.kind === 'township' && region.parentId
        ? await this.regions.findById(db, region.parentId)
        : region;
    if (district?.kind !== 'district') throw new DomainError('REGION.NOT_FOUND', { regionId });
    return {
      district: { id: district.id, name: district.name },
      days: await this.list(district.id, year),
      mayAdjust: await this.isDistrictAdmin(db, actor, district.id),
    };
  }

  /**
   * A district administrator adds a local holiday or working day (the district's wins over the national
   * one of the same date). Working-day notices and deadlines of every village in the district are counted
   * by it, so the act goes on the district's chain, with the day it replaced.
   */
  async add(
    actor: PersonActor,
    districtId: string,
    entry: { date: string; kind: 'holiday' | 'workday'; name: string },
  ) {
    const db = this.dataSource.manager;
    const district = await this.regions.findById(db, districtId);
    if (district?.kind !== 'district') throw new DomainError('REGION.NOT_FOUND', { regionId: districtId });
    if (!(await this.isDistrictAdmin(db, actor, districtId))) throw new DomainError('AUTH.FORBIDDEN');
    if (entry.kind === 'workday') {
      // The national days off are the State Council's (全国年节及纪念日放假办法): a district may add its own
      // days off, and working days for its own 调休, but a national holiday stays one. Made a working day,
      // it would shorten every working-day notice and deadline of the district's villages.
      const national = await db.findOneBy(CalendarDayEntity, { regionId: IsNull(), date: entry.date });
      if (national?.kind === 'holiday') {
        throw new DomainError(
          'CALENDAR.NATIONAL_HOLIDAY',
          { date: entry.date, name: national.name },
          `${entry.date}是国家法定节假日（${national.name}，依《全国年节及纪念日放假办法》），区里可以增加放假日，不能把它改为上班日`,
        );
      }
    }
    await db.transaction(async (tx) => {
      const replaced = await tx.findOneBy(CalendarDayEntity, { regionId: districtId, date: entry.date });
      await tx.delete(CalendarDayEntity, { regionId: districtId, date: entry.date });
      await tx.insert(CalendarDayEntity, {
        id: randomUUID(),
        regionId: districtId,
        date: entry.date,
        kind: entry.kind,
        name: entry.name,
        provisional: false,
        createdAt: this.time.now(),
      });
      await this.traces.appendVillageAct(tx, {
        villageId: districtId,
        actorPersonId: actor.personId,
        actorRole: 'district_admin',
        eventType: 'SET_CALENDAR_DAY',
        payload: { ...entry, replaced: replaced ? { kind: replaced.kind, name: replaced.name } : null },
        at: this.time.now(),
      });
    });
    return this.list(districtId, Number(entry.date.slice(0, 4)));
  }

  private async isDistrictAdmin(db: EntityManager, actor: PersonActor, districtId: string): Promise<boolean> {
    const posts = await this.memberships.postsOver(db, actor.personId, [districtId], this.time.today());
    return posts.some((post) => post.role === 'district_admin');
  }

  /** What changes whenever the rows do: a day added or replaced (a replacement has a new id). */
  private async stampOf(db: EntityManager, districtId: string | null): Promise<string> {
    const [row] = await db.query<{ stamp: string | null }[]>(
      `SELECT md5(string_agg(id::text, ',' ORDER BY id)) AS stamp FROM calendar_day
        WHERE region_id IS NULL OR region_id = $1`,
      [districtId],
    );
    return row.stamp ?? '';
  }

  private entries(db: EntityManager, districtId: string | null): Promise<CalendarDayEntity[]> {
    return db.find(CalendarDayEntity, {
      where: districtId ? [{ regionId: IsNull() }, { regionId: districtId }] : [{ regionId: IsNull() }],
      order: { date: 'ASC' },
    });
  }
}
