import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { TimeModule } from '../time/time.module.js';
import { DisclosureEffects } from './disclosure-effects.js';
import { DisclosureRepository } from './disclosure.repository.js';

@Module({
  imports: [EngineModule, TimeModule],
  providers: [DisclosureEffects, DisclosureRepository],
})
export class DisclosureModule {}
