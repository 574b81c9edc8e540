import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { gaugeText, Metrics } from '../common/metrics.js';
import { ObligationRepository } from '../disclosure/obligation.repository.js';
import { HealthService } from './health.service.js';

/** This process's counters, and the database's gauges read at scrape time (the same in every process). */
@Injectable()
export class MetricsService {
  constructor(
    private readonly counters: Metrics,
    private readonly health: HealthService,
    private readonly obligations: ObligationRepository,
    private readonly dataSource: DataSource,
  ) {}

  async text(): Promise<string> {
    const scheduler = await this.health.schedulerState();
    const overdue = await this.obligations.overdueByKind(this.dataSource.manager);
    return [
      this.counters.text(),
      gaugeText('micropower_timers_due', 'Timers due and not yet delivered', [
        { value: scheduler.dueTimers },
      ]),
      gaugeText('micropower_timer_lag_seconds', 'How long the oldest due timer has waited', [
        { value: scheduler.lagSeconds },
      ]),
      gaugeText('micropower_timers_failed', 'Timers set aside after failing unexpectedly', [
        { value: scheduler.failedTimers },
      ]),
      gaugeText(
        'micropower_overdue_duties',
        'Disclosures and step time limits flagged overdue and not yet met, by kind',
        overdue.map(({ kind, count }) => ({ labels: { kind }, value: count })),
      ),
    ].join('');
  }
}
