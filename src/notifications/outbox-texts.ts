import type { ClaimedMessage } from './bulletin-outbox.repository.js';
import { CONFIRMATION_DAYS } from './confirmation-window.js';

export interface MessageText {
  subject: string;
  text: string;
}

/** What the outbox needs of a month's bulletin: the village's name and the bulletin as plain text. */
export interface BulletinText {
  village: { name: string };
  text: string;
}

const pageLink = (publicUrl: string, message: ClaimedMessage, page: string) =>
  `${publicUrl}/p/${message.village_id}/${page}?token=${message.unsubscribe_token}`;

/** The month's bulletin: in full by email, as a link by SMS; either way with the link to leave. */
export function bulletinMessage(
  bulletin: BulletinText,
  message: ClaimedMessage,
  publicUrl: string,
): MessageText {
  const [year, month] = message.period.split('-').map(Number);
  const unsubscribe = pageLink(publicUrl, message, 'unsubscribe');
  const name = bulletin.village.name;
  return {
    subject: `${name} ${year}年${month}月村情月报`,
    text:
      message.channel === 'sms'
        ? `${name}${year}年${month}月村情月报已发布：${publicUrl}/p/${message.village_id}/bulletin?month=${message.period} 退订：${unsubscribe}`
        : `${bulletin.text}\n\n不想再收到村情月报？退订：${unsubscribe}\n`,
  };
}

/**
 * Asks the address's owner to confirm: anyone may have typed the address, so it says what was asked and
 * that doing nothing is enough to refuse.
 */
export function confirmationMessage(
  villageName: string,
  message: ClaimedMessage,
  publicUrl: string,
): MessageText {
  const confirm = pageLink(publicUrl, message, 'confirm');
  return {
    subject: `${villageName} 村情月报订阅确认`,
    text:
      message.channel === 'sms'
        ? `有人用本号码订阅了${villageName}村情月报，确认请打开 ${confirm} （${CONFIRMATION_DAYS}天内有效，非本人操作请忽略）`
        : `您好：\n\n有人（可能是您本人）在${villageName}的公开栏用这个邮箱订阅了每月的村情月报。\n\n` +
          `确认订阅，请在 ${CONFIRMATION_DAYS} 天内打开：${confirm}\n\n` +
          `如果不是您本人操作，请忽略这封邮件：不确认就不会收到村情月报。\n`,
  };
}
