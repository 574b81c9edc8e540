import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { Public } from '../common/http/public.decorator.js';
import { LocalTime } from '../common/local-time.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly time: LocalTime,
  ) {}

  /** 200 when the database answers, 503 (with the error shape) when it does not. */
  @Public()
  @Get()
  async health() {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new DomainError('SERVICE.UNAVAILABLE');
    }
    return { status: 'ok', time: this.time.now().toISOString() };
  }
}
