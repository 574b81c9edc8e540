import { lastDayOf, monthDay } from '../common/format-time.js';

interface BulletinData {
  village: { name: string };
  month: string;
  disclosures: { title: string; matterTitle: string; publishedAt: string; periodEndsAt: string | null }[];
  decisions: { matterTitle: string; body: string; heldOn: string; yes: number; present: number }[];
  obligations: { title: string; period: string | null; status: string }[];
}

const BODIES: Record<string, string> = {
  branchCommittee: '党组织',
  twoCommittees: '“两委”',
  partyMembers: '党员大会',
  representatives: '村民代表会议',
  villagers: '村民会议',
  collectiveMembers: '成员大会',
};
const STATUS: Record<string, string> = {
  open: '待公开',
  overdue: '已逾期',
  fulfilled: '已公开',
  cancelled: '已取消',
};

/** 村情月报 as plain text, short enough to relay by SMS or paste into a WeChat group. */
export function bulletinText(bulletin: BulletinData, timeZone: string): string {
  const [year, month] = bulletin.month.split('-').map(Number);
  const lines = [`${bulletin.village.name} ${year}年${month}月村情月报`];
  lines.push(`一、本月公开事项（${bulletin.disclosures.length}项）`);
  bulletin.disclosures.forEach((disclosure, index) =>
    lines.push(
      `${index + 1}. ${disclosure.title}（${disclosure.matterTitle}，${monthDay(disclosure.publishedAt, timeZone)}公开` +
        `${disclosure.periodEndsAt ? `，公示至${lastDayOf(disclosure.periodEndsAt, timeZone)}` : ''}）`,
    ),
  );
  lines.push(`二、本月表决通过事项（${bulletin.decisions.length}项）`);
  bulletin.decisions.forEach((decision, index) =>
    lines.push(
      `${index + 1}. ${decision.matterTitle}：${BODIES[decision.body] ?? decision.body}表决通过（到会${decision.present}人，赞成${decision.yes}人）`,
    ),
  );
  lines.push('三、定期公开');
  if (bulletin.obligations.length === 0) lines.push('本月无到期的定期公开事项');
  bulletin.obligations.forEach((obligation) =>
    lines.push(
      `${obligation.title}（${obligation.period}）：${STATUS[obligation.status] ?? obligation.status}`,
    ),
  );
  return lines.join('\n');
}
