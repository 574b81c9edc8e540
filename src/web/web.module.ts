import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { DisclosureModule } from '../disclosure/disclosure.module.js';
import { EngineModule } from '../engine/engine.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { ListsModule } from '../lists/lists.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { ProceduresModule } from '../procedures/procedures.module.js';
import { PublicModule } from '../public/public.module.js';
import { RegistersModule } from '../registers/registers.module.js';
import { SupervisionModule } from '../supervision/supervision.module.js';
import { TimeModule } from '../time/time.module.js';
import { ConsoleCalendarController } from './console-calendar.controller.js';
import { ConsoleForms } from './console-forms.service.js';
import { ConsolePeopleController } from './console-people.controller.js';
import { ConsoleRegistersController } from './console-registers.controller.js';
import { ConsoleStartController } from './console-start.controller.js';
import { ConsoleUploadsController } from './console-uploads.controller.js';
import { ConsoleMatterController } from './console-matter.controller.js';
import { ConsoleXItemController } from './console-x-item.controller.js';
import { ConsoleListController } from './console-list.controller.js';
import { ListChangeView } from './list-change-view.service.js';
import { ConsoleController } from './console.controller.js';
import { PublicPagesController } from './public-pages.controller.js';
import { ComplaintPagesController } from './complaint-pages.controller.js';
import { ConsoleComplaintsController } from './console-complaints.controller.js';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SubscriptionPagesController } from './subscription-pages.controller.js';
import { SessionController } from './session.controller.js';

/** Server-rendered pages in Chinese, on the same services as the API: public pages and the console. */
@Module({
  imports: [
    MeetingsModule,
    CatalogModule,
    DisclosureModule,
    EngineModule,
    IdentityModule,
    ListsModule,
    ProceduresModule,
    PublicModule,
    RegistersModule,
    SupervisionModule,
    ComplaintsModule,
    NotificationsModule,
    TimeModule,
  ],
  controllers: [
    PublicPagesController,
    ComplaintPagesController,
    SubscriptionPagesController,
    ConsoleComplaintsController,
    ConsoleCalendarController,
    SessionController,
    ConsoleStartController,
    ConsoleUploadsController,
    ConsoleRegistersController,
    ConsolePeopleController,
    ConsoleMatterController,
    ConsoleXItemController,
    ConsoleListController,
    ConsoleController,
  ],
  providers: [ConsoleForms, ListChangeView],
})
export class WebModule {}
