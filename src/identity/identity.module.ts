import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TraceModule } from '../engine/trace.module.js';
import { AccessService } from './access.service.js';
import { AccountFactory } from './account-factory.js';
import { AppSettingRepository } from './app-setting.repository.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { IdentityController } from './identity.controller.js';
import { KnownDevices } from './known-devices.js';
import { LoginSecurityRepository } from './login-security.repository.js';
import { LoginThrottle } from './login-throttle.js';
import { MembershipRepository } from './membership.repository.js';
import { PasswordHasher } from './password-hasher.js';
import { PeopleDirectory } from './people-directory.service.js';
import { PeopleRepository } from './people.repository.js';
import { RegionRepository } from './region.repository.js';
import { RegionsService } from './regions.service.js';
import { TokenService } from './token.service.js';
import { VillagePeopleService } from './village-people.service.js';

@Module({
  imports: [TraceModule],
  controllers: [AuthController, IdentityController],
  providers: [
    AccessService,
    AccountFactory,
    AppSettingRepository,
    AuthService,
    KnownDevices,
    LoginSecurityRepository,
    LoginThrottle,
    MembershipRepository,
    PasswordHasher,
    PeopleDirectory,
    PeopleRepository,
    RegionRepository,
    RegionsService,
    TokenService,
    VillagePeopleService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [
    AccessService,
    AuthService,
    KnownDevices,
    VillagePeopleService,
    PeopleDirectory,
    AccountFactory,
    AppSettingRepository,
    MembershipRepository,
    TokenService,
    PeopleRepository,
    RegionRepository,
    LoginSecurityRepository,
  ],
})
export class IdentityModule {}
