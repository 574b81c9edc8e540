import { Injectable } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config.js';

export type ChannelName = 'email' | 'sms';

export interface OutgoingMessage {
  /** The outbox row's id: the Message-ID of an email, the idempotency key of an SMS request. */
  id: string;
  to: string;
  subject: string;
  text: string;
}

/** One way a message leaves: the outbox knows only this. */
export interface NotificationChannel {
  /** Whether a server or provider is configured; messages for a channel without one wait, untried. */
  readonly configured: boolean;
  send(message: OutgoingMessage): Promise<void>;
}

/** The longest a send may take (each channel's own timeouts stay under it): the outbox's lease is longer. */
export const SEND_TIMEOUT_MS = 60_000;

/** Email over SMTP (`SMTP_URL`, e.g. smtps://user:pass@smtp.example.cn:465). */
@Injectable()
export class EmailChannel implements NotificationChannel {
  private transport?: Transporter;

  constructor(private readonly config: AppConfig) {}

  get configured(): boolean {
    return Boolean(this.config.notifications.smtpUrl);
  }

  async send(message: OutgoingMessage): Promise<void> {
    const { smtpUrl, mailFrom } = this.config.notifications;
    if (!smtpUrl) throw new Error('未配置邮件服务器（SMTP_URL）');
    this.transport ??= createTransport({
      url: smtpUrl,
      connectionTimeout: SEND_TIMEOUT_MS / 3,
      greetingTimeout: SEND_TIMEOUT_MS / 3,
      socketTimeout: SEND_TIMEOUT_MS / 3,
    });
    await this.transport.sendMail({
      from: mailFrom,
      to: message.to,
      subject: message.subject,
      text: message.text,
      // The same id on a resend after a crash: a reader's mail program can tell the two apart as one.
      messageId: `<${message.id}@micropower>`,
    });
  }
}

/**
 * SMS through a provider's HTTP API (`SMS_API_URL`, `SMS_API_KEY`): a JSON POST of the number and the
 * text, with the message's id as the idempotency key providers use to drop a repeated request.
 */
@Injectable()
export class SmsChannel implements NotificationChannel {
  constructor(private readonly config: AppConfig) {}

  get configured(): boolean {
    return Boolean(this.config.notifications.smsApiUrl);
  }

  async send(message: OutgoingMessage): Promise<void> {
    const { smsApiUrl, smsApiKey } = this.config.notifications;
    if (!smsApiUrl) throw new Error('未配置短信接口（SMS_API_URL）');
    const answer = await fetch(smsApiUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': message.id,
        ...(smsApiKey ? { authorization: `Bearer ${smsApiKey}` } : {}),
      },
      body: JSON.stringify({ to: message.to, text: `【${message.subject}】${message.text}` }),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS / 2),
    });
    if (!answer.ok) throw new Error(`短信接口答复 ${answer.status}`);
  }
}
