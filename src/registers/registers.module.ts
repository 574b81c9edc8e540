import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { RegistersRepository } from './registers.repository.js';

/** A village's registers (花名册): households, people's register fields, the member register. */
@Module({
  imports: [IdentityModule],
  providers: [RegistersRepository],
  exports: [RegistersRepository],
})
export class RegistersModule {}
