import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Headers } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiFile } from '../common/http/api-download.decorator.js';
import { ApiErrors } from '../common/http/api-errors.decorator.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Public } from '../common/http/public.decorator.js';
import { AppConfig } from '../config/app-config.js';
import { HealthReportDto } from './health-response.dto.js';
import { HealthService } from './health.service.js';
import { MetricsService } from './metrics.service.js';

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly reports: HealthService,
    private readonly metrics: MetricsService,
    private readonly config: AppConfig,
  ) {}

  /**
   * 200 when the database answers, with the scheduler's lag and the holiday calendar's coverage
   * (`status: "warning"` and the reasons when either needs attention); 503 (the error shape) when the
   * database does not answer.
   */
  @Get('health')
  @ApiOkResponse({ type: HealthReportDto })
  @ApiErrors(503)
  health() {
    return this.reports.report();
  }

  /** Prometheus text format; behind `Authorization: Bearer <METRICS_TOKEN>` (required in production). */
  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiFile('text/plain', 'the Prometheus text format (version 0.0.4)')
  @ApiErrors(401)
  metricsText(@Headers('authorization') authorization: string | undefined) {
    if (!this.mayScrape(authorization)) throw new DomainError('AUTH.UNAUTHENTICATED');
    return this.metrics.text();
  }

  /**
   * With METRICS_TOKEN, only its bearer (compared in constant time); without it, anyone, except in
   * production, where traffic and refusal figures are not for everyone: set the token to scrape.
   */
  private mayScrape(authorization: string | undefined): boolean {
    const token = this.config.metricsToken;
    if (!token) return !this.config.production;
    const offered = Buffer.from(authorization ?? '');
    const expected = Buffer.from(`Bearer ${token}`);
    return offered.length === expected.length && timingSafeEqual(offered, expected);
  }
}
