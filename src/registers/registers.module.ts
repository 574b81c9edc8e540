import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { RegisterEffects } from './register-effects.js';
import { RegistersRepository } from './registers.repository.js';

/** A village's registers (花名册): households, people's register fields, the member register. */
@Module({
  imports: [EngineModule, IdentityModule],
  providers: [RegisterEffects, RegistersRepository],
  exports: [RegistersRepository],
})
export class RegistersModule {}
