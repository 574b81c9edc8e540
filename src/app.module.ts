import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import type { Clock } from './common/clock.js';
import { CommonModule } from './common/common.module.js';
import { CrossSiteGuard } from './common/http/cross-site.guard.js';
import { DomainExceptionFilter } from './common/http/domain-exception.filter.js';
import { PublicRateLimitGuard } from './common/http/public-rate-limit.guard.js';
import { createValidationPipe } from './common/http/validation.pipe.js';
import type { AppConfig } from './config/app-config.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { DatabaseModule } from './database/database.module.js';
import type { OpenTarget } from './database/open-data-source.js';
import { DemoModule } from './demo/demo.module.js';
import { DisclosureModule } from './disclosure/disclosure.module.js';
import { EngineModule } from './engine/engine.module.js';
import { HealthModule } from './health/health.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { MeetingsModule } from './meetings/meetings.module.js';
import { ProceduresModule } from './procedures/procedures.module.js';
import { ListsModule } from './lists/lists.module.js';
import { RecordsModule } from './records/records.module.js';
import { WebModule } from './web/web.module.js';
import { SupervisionModule } from './supervision/supervision.module.js';
import { ComplaintsModule } from './complaints/complaints.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { PublicModule } from './public/public.module.js';
import { TimeModule } from './time/time.module.js';

export interface AppOptions {
  config: AppConfig;
  clock: Clock;
  /** Where the data lives; defaults to the configuration's database (tests pass an in-memory one). */
  database?: OpenTarget;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CommonModule.forRoot(options.config, options.clock),
        DatabaseModule.forRoot(options.database ?? options.config.database),
        IdentityModule,
        ProceduresModule,
        EngineModule,
        MeetingsModule,
        DisclosureModule,
        TimeModule,
        CatalogModule,
        PublicModule,
        SupervisionModule,
        ComplaintsModule,
        NotificationsModule,
        RecordsModule,
        ListsModule,
        WebModule,
        DemoModule,
        HealthModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: DomainExceptionFilter },
        { provide: APP_GUARD, useClass: CrossSiteGuard },
        { provide: APP_GUARD, useClass: PublicRateLimitGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
