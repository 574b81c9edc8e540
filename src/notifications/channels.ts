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

/** Thrown where a channel has no server or provider configured: the message waits for one. */
export class ChannelNotConfigured extends Error {}

/** One way a message leaves: the outbox knows only this. */
export interface NotificationChannel {
  send(message: OutgoingMessage): Promise<void>;
}

/** Email over SMTP (`SMTP_URL`, e.g. smtps://user:pass@smtp.example.cn:465). */
@Injectable()
export class EmailChannel implements NotificationChannel {
  private transport?: Transporter;

  constructor(private readonly config: AppConfig) {}

  async send(message: OutgoingMessage): Promise<void> {
    const { smtpUrl, mailFrom } = this.config.notifications;
    if (!smtpUrl) throw new ChannelNotConfigured('未配置邮件服务器（SMTP_URL）');
    this.transport ??= createTransport(smtpUrl);
    await this.transport.sendMail({
      from: mailFrom,
      to: message.to,
      subject: message.subject,
      text: message.text,
      // A receiving server that saw this id already (a send whose success we did not get to record) drops it.
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

  async send(message: OutgoingMessage): Promise<void> {
    const { smsApiUrl, smsApiKey } = this.config.notifications;
    if (!smsApiUrl) throw new ChannelNotConfigured('未配置短信接口（SMS_API_URL）');
    const answer = await fetch(smsApiUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': message.id,
        ...(smsApiKey ? { authorization: `Bearer ${smsApiKey}` } : {}),
      },
      body: JSON.stringify({ to: message.to, text: `【${message.subject}】${message.text}` }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!answer.ok) throw new Error(`短信接口答复 ${answer.status}`);
  }
}
