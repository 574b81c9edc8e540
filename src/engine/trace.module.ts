import { Module } from '@nestjs/common';
import { ChainCheckpointRepository } from './chain-checkpoint.repository.js';
import { TraceRepository } from './trace.repository.js';
import { TraceService } from './trace.service.js';

/**
 * Each village's hash-chained trace, on its own so that what is not a matter's event (a role granted, a
 * complaint's step) goes on the same chain without its module depending on the engine.
 */
@Module({
  providers: [ChainCheckpointRepository, TraceRepository, TraceService],
  exports: [ChainCheckpointRepository, TraceRepository, TraceService],
})
export class TraceModule {}
