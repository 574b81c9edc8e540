import { Module } from '@nestjs/common';
import { DisclosureModule } from '../disclosure/disclosure.module.js';
import { TimeModule } from '../time/time.module.js';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';
import { MetricsService } from './metrics.service.js';

/** What an operator watches: health (database, scheduler lag, calendar coverage) and metrics. */
@Module({
  imports: [TimeModule, DisclosureModule],
  controllers: [HealthController],
  providers: [HealthService, MetricsService],
})
export class HealthModule {}
