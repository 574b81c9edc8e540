import { randomBytes } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import { AppConfig } from '../config/app-config.js';
import { adjacentPeriod, periodOf } from '../disclosure/periods.js';
import { PublicBoardService } from '../public/public-board.service.js';
import { SchedulerService } from '../time/scheduler.service.js';
import { BulletinOutboxRepository, type ClaimedMessage } from './bulletin-outbox.repository.js';
import {
  EmailChannel,
  SEND_TIMEOUT_MS,
  SmsChannel,
  type ChannelName,
  type NotificationChannel,
} from './channels.js';
import { bulletinMessage, confirmationMessage } from './outbox-texts.js';

type Bulletin = Awaited<ReturnType<PublicBoardService['bulletin']>>;

/** How a subscriber is reached: the address as typed, checked for its channel. */
const ADDRESS_RULES: Record<ChannelName, { pattern: RegExp; problem: string }> = {
  email: { pattern: /^[^\s@<>]{1,64}@[^\s@<>]{1,190}\.[^\s@<>]{2,}$/, problem: '请填写正确的电子邮箱' },
  sms: { pattern: /^1[3-9]\d{9}$/, problem: '请填写 11 位手机号码' },
};

/** What a subscription's token looks like (18 random bytes, base64url); anything else matches none. */
const TOKEN_SHAPE = /^[\w-]{10,64}$/;

/**
 * A claimed batch is this long another process's to leave alone: every send of the batch, each bounded
 * by the channel's timeout, fits in it.
 */
const BATCH = 10;
const LEASE_MS = BATCH * SEND_TIMEOUT_MS * 2;
/** Tries before a message is set aside (failed): after 1, 4, 16 and 64 minutes. */
const ATTEMPTS = 5;
const retryDelayMs = (attempts: number) => 60_000 * 4 ** (attempts - 1);

/**
 * 村情月报 to villagers away from home (the plan's 二(二)): subscribe on the village's page by email or
 * mobile, then confirm by the link sent there (anyone can type an address; nothing but that one
 * confirmation a day reaches an address nobody confirmed); from the `bulletinDay` of each month the last
 * month's bulletin is queued once per confirmed subscriber (a unique key) and sent through the channel's
 * adapter, retried with back-off and set aside after five tries. A message is claimed with a lease before it is sent and marked sent after, so two processes
 * never send it twice; a process that dies between the channel's acceptance and that mark leaves it to be
 * sent again when the lease ends, with the same id (the email's Message-ID, the SMS request's
 * idempotency key) for the receiving side to drop.
 */
@Injectable()
export class BulletinOutboxService implements OnModuleInit {
  private readonly logger = new Logger('BulletinOutbox');
  /** The local day this process last queued the month's bulletin. */
  private queuedOn = '';
  private readonly channels: Record<ChannelName, NotificationChannel>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: BulletinOutboxRepository,
    private readonly board: PublicBoardService,
    private readonly scheduler: SchedulerService,
    private readonly time: LocalTime,
    private readonly config: AppConfig,
    email: EmailChannel,
    sms: SmsChannel,
  ) {
    this.channels = { email, sms };
  }

  onModuleInit(): void {
    this.scheduler.registerJob('bulletin-outbox', (now) => this.runDue(now));
  }

  async subscribe(villageId: string, channel: string, typed: string) {
    await this.board.village(villageId);
    if (channel !== 'email' && channel !== 'sms') {
      throw new DomainError('REQUEST.INVALID', { field: 'channel' }, '请选择邮件或短信');
    }
    const address = channel === 'email' ? typed.trim().toLowerCase() : typed.replace(/[\s-]/g, '');
    if (!ADDRESS_RULES[channel].pattern.test(address)) {
      throw new DomainError('REQUEST.INVALID', { field: 'address' }, ADDRESS_RULES[channel].problem);
    }
    const token = randomBytes(18).toString('base64url');
    const now = this.time.now();
    // Created and its confirmation queued together: a subscription never waits without one.
    return this.dataSource.transaction(async (db) => {
      const subscription = await this.outbox.subscribe(db, villageId, channel, address, token, now);
      if (!subscription.confirmed_at) {
        await this.outbox.queueConfirmation(db, subscription, this.time.dateOf(now), now);
      }
      return subscription;
    });
  }

  /** Confirms by the link sent to the address: from then on the subscription receives the bulletin. */
  async confirm(villageId: string, token: string): Promise<boolean> {
    if (!TOKEN_SHAPE.test(token)) return false;
    return this.dataSource.transaction((db) => this.outbox.confirm(db, villageId, token, this.time.now()));
  }

  async unsubscribe(villageId: string, token: string): Promise<boolean> {
    if (!TOKEN_SHAPE.test(token)) return false;
    return this.dataSource.transaction((db) =>
      this.outbox.unsubscribe(db, villageId, token, this.time.now()),
    );
  }

  /** Queues last month's bulletin once its day has come, then sends what is due. */
  async runDue(now: Date): Promise<{ queued: number; sent: number; failed: number }> {
    const today = this.time.dateOf(now);
    const month = adjacentPeriod(periodOf(today, 'monthly'), 'monthly', 'before');
    // Queued once a day at most by this process (a subscriber of the day gets it the next day); the
    // unique key holds across processes. The whole month after its day: a server down on the 5th still
    // sends it later.
    const due = Number(today.slice(8, 10)) >= this.config.notifications.bulletinDay;
    const queued =
      due && this.queuedOn !== today ? await this.outbox.enqueue(this.dataSource.manager, month, now) : 0;
    if (due) this.queuedOn = today;
    let sent = 0;
    let failed = 0;
    // A channel without a server or provider: its messages wait, untried, until one is configured.
    const ready = (Object.keys(this.channels) as ChannelName[]).filter(
      (name) => this.channels[name].configured,
    );
    // A village's bulletin for a month is built once in a run, however many subscribe to it.
    const bulletins = new Map<string, Promise<Bulletin>>();
    const bulletinOf = (message: ClaimedMessage) => {
      const key = `${message.village_id}/${message.period}`;
      if (!bulletins.has(key)) {
        const built = this.board.bulletin(message.village_id, message.period);
        // A failed build is tried again for the next message, not handed to every one of them.
        built.catch(() => bulletins.delete(key));
        bulletins.set(key, built);
      }
      return bulletins.get(key)!;
    };
    for (;;) {
      // The lease runs from each claim: a long run's later batches get a lease of their own.
      const claimedAt = this.time.now();
      const claimed = await this.dataSource.transaction((db) =>
        this.outbox.claim(db, claimedAt, new Date(claimedAt.getTime() + LEASE_MS), BATCH, ready),
      );
      for (const message of claimed) {
        if (await this.deliver(message, bulletinOf)) sent++;
        else failed++;
      }
      if (claimed.length < BATCH) break;
    }
    return { queued, sent, failed };
  }

  private async deliver(
    message: ClaimedMessage,
    bulletinOf: (message: ClaimedMessage) => Promise<Bulletin>,
  ): Promise<boolean> {
    const db = this.dataSource.manager;
    try {
      const { subject, text } =
        message.kind === 'confirmation'
          ? confirmationMessage(
              (await this.board.village(message.village_id)).name,
              message,
              this.config.publicUrl,
            )
          : bulletinMessage(await bulletinOf(message), message, this.config.publicUrl);
      await this.channels[message.channel].send({ id: message.id, to: message.address, subject, text });
      await this.outbox.markSent(db, message, this.time.now());
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const failedAt = this.time.now();
      const retryAt =
        message.attempts < ATTEMPTS ? new Date(failedAt.getTime() + retryDelayMs(message.attempts)) : null;
      await this.outbox.markFailed(db, message, reason, retryAt);
      this.logger.warn(
        `${message.kind} ${message.id} to ${message.channel} failed (${message.attempts}): ${reason}`,
      );
      return false;
    }
  }
}
