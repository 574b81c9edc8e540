import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AdjustableClock, Clock, DAY_MS } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import type { PersonActor } from '../identity/actor.js';
import { AppSettingRepository } from '../identity/app-setting.repository.js';
import { MembershipRepository } from '../identity/membership.repository.js';
import { SchedulerService } from './scheduler.service.js';

const OFFSET_KEY = 'clock.offset-ms';
/** As far as `days` may go: ten years. */
const MAX_LEAP_MS = 3660 * DAY_MS;

/**
 * The adjustable clock of the embedded demo: a district administrator moves time forward (to see a public
 * period end); the offset is kept in the database so a restart does not turn time back.
 */
@Injectable()
export class ClockService implements OnModuleInit {
  constructor(
    private readonly clock: Clock,
    private readonly settings: AppSettingRepository,
    private readonly memberships: MembershipRepository,
    private readonly scheduler: SchedulerService,
    private readonly time: LocalTime,
    private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!(this.clock instanceof AdjustableClock)) return;
    await this.readOffset();
    // Another process may move the clock: each beat first reads the offset, so all keep one time.
    this.scheduler.registerBeforeBeat(() => this.readOffset());
  }

  /** The offset kept in the database, taken when it is ahead of this process's (time never runs back). */
  private async readOffset(): Promise<void> {
    const clock = this.clock as AdjustableClock;
    const stored = Number((await this.settings.get(OFFSET_KEY)) ?? 0);
    if (stored > clock.offset) clock.advance(stored - clock.offset);
  }

  now() {
    return {
      now: this.time.now().toISOString(),
      today: this.time.today(),
      timeZone: this.time.timeZone,
      adjustable: this.clock instanceof AdjustableClock,
    };
  }

  async advance(actor: PersonActor, by: { days?: number; hours?: number; minutes?: number; until?: string }) {
    if (!(this.clock instanceof AdjustableClock)) throw new DomainError('CLOCK.NOT_ADJUSTABLE');
    const posts = await this.memberships.postsOf(this.dataSource.manager, actor.personId, this.time.today());
    if (!posts.some((post) => post.role === 'district_admin')) throw new DomainError('AUTH.FORBIDDEN');
    const ms = (by.days ?? 0) * DAY_MS + (by.hours ?? 0) * 3_600_000 + (by.minutes ?? 0) * 60_000;
    const toInstant = by.until ? Date.parse(by.until) - this.clock.now().getTime() : 0;
    if (toInstant > MAX_LEAP_MS)
      throw new DomainError('REQUEST.INVALID', { until: by.until }, '时钟一次最多前移十年');
    this.clock.advance(Math.max(ms, toInstant));
    await this.settings.put(OFFSET_KEY, String(this.clock.offset));
    const delivered = await this.scheduler.runDue();
    return { ...this.now(), timersDelivered: delivered };
  }
}
