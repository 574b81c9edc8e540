import { Module } from '@nestjs/common';
import { PublicModule } from '../public/public.module.js';
import { TimeModule } from '../time/time.module.js';
import { BulletinOutboxRepository } from './bulletin-outbox.repository.js';
import { BulletinOutboxService } from './bulletin-outbox.service.js';
import { EmailChannel, SmsChannel } from './channels.js';

@Module({
  imports: [PublicModule, TimeModule],
  providers: [BulletinOutboxRepository, BulletinOutboxService, EmailChannel, SmsChannel],
  exports: [BulletinOutboxService],
})
export class NotificationsModule {}
