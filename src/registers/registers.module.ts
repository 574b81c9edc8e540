import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { RegisterEffects } from './register-effects.js';
import { RegisterImportService } from './register-import.service.js';
import { RegisterStanding } from './register-standing.js';
import { RegisterWriter } from './register-writer.js';
import { RegistersController } from './registers.controller.js';
import { RegistersRepository } from './registers.repository.js';
import { RegistersService } from './registers.service.js';

/** A village's registers (花名册): households, people's register fields, the member register. */
@Module({
  imports: [EngineModule, IdentityModule],
  controllers: [RegistersController],
  providers: [
    RegisterEffects,
    RegisterImportService,
    RegisterStanding,
    RegisterWriter,
    RegistersRepository,
    RegistersService,
  ],
  exports: [RegisterImportService, RegistersRepository, RegistersService],
})
export class RegistersModule {}
