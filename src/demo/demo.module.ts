import { RegistersModule } from '../registers/registers.module.js';
import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({
  imports: [EngineModule, IdentityModule, RegistersModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
