import { createHash } from 'node:crypto';
import { DEMO_OFFICIALS, DEMO_VILLAGES } from '../../src/demo/demo-data.js';
import { demoRegister } from '../../src/demo/demo-register.js';
import type { Dossier, DossierTraceRow } from '../../src/records/dossier.js';

/**
 * Names as villages really have them and as a substitute font tends to drop: 䶮 (Ext-A), 𠈌 (Ext-B), and
 * characters outside GB2312 that are common in given names.
 */
export const RARE_NAMES = ['刘䶮', '王𠈌', '张堃', '李喆', '陈燚', '赵犇', '孙昇', '周赟', '吴翀', '郑玥'];

/** Every name the demo seeds: the people who log in, the officials, and the register the demo imports. */
export function demoNames(): string[] {
  const people = DEMO_VILLAGES.flatMap((village) => village.people.map((person) => person.name));
  const [header, ...rows] = demoRegister(DEMO_VILLAGES[0].people);
  const nameColumn = header.indexOf('姓名');
  if (nameColumn === -1) throw new Error('the demo register has no 姓名 column');
  const registered = rows.map((row) => row[nameColumn]);
  return [...new Set([...people, ...DEMO_OFFICIALS.map((official) => official.name), ...registered])];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function chained(acts: [by: string, role: string, act: string, after: string][]): DossierTraceRow[] {
  let prevHash = '0'.repeat(64);
  return acts.map(([by, role, act, after], index) => {
    const payloadDigest = sha256(`${act}:${index}`);
    const hash = sha256(prevHash + payloadDigest);
    const row: DossierTraceRow = {
      seq: 201 + index,
      at: new Date(Date.UTC(2026, 3, 1 + index, 2, 0)).toISOString(),
      by,
      role,
      act,
      accepted: true,
      stateBefore: index === 0 ? null : acts[index - 1][3],
      stateAfter: after,
      refusal: null,
      payloadDigest,
      prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
}

/**
 * A finished major matter decided at a villagers' assembly (村民会议) where `names` attended and voted in
 * the open, so every name is printed at least twice (attendance and ballot); shaped as the service hands
 * dossiers over, with the demo village's officers acting.
 */
export function assemblyDossier(names: string[]): Dossier {
  const secretary = ['王建国', '村党组织书记'] as const;
  const supervisor = ['赵淑芬', '村务监督委员会主任'] as const;
  const trace = chained([
    [...secretary, '发起事项', '村党组织提议'],
    [...secretary, '记录会议结果', '村“两委”商议'],
    [...secretary, '记录会议结果', '党员大会审议'],
    [...secretary, '记录会议结果', '村民会议决议'],
    [...supervisor, '签署监督意见', '决议公开'],
    [...secretary, '发布公开', '决议公开'],
    [...secretary, '公示期满', '组织实施'],
    [...secretary, '办结', '决议通过'],
  ]);
  const against = new Set(names.filter((_, index) => index % 17 === 5));
  return {
    generatedAt: '2026-04-20T02:15:00.000Z',
    timeZone: 'Asia/Shanghai',
    village: { id: '6f1c0a52-4b1e-4c1a-9d1e-0b7c3f2a9e11', name: '东庄村' },
    matter: {
      id: '1d2b7c9e-3f4a-4b5c-8d6e-7f8091a2b3c4',
      title: '关于村集体机动地发包方案的决议',
      procedure: { id: 'A1', version: 2, title: '村级重大事项决策' },
      status: '已办结',
      outcome: '决议通过',
      createdAt: trace[0].at,
      createdBy: secretary[0],
      inputs: [
        ['事项名称', '村集体机动地发包'],
        ['事项概要', '村集体机动地 86 亩公开发包，期限 5 年，底价每亩每年 650 元，收益归村集体所有'],
      ],
    },
    steps: trace.map((row) => ({
      at: row.at,
      step: row.stateAfter ?? '',
      act: row.act,
      by: row.by,
      role: row.role,
    })),
    meetings: [
      {
        body: '村民会议',
        stage: '村民会议决议',
        heldOn: '2026-04-04',
        place: '东庄村文化广场',
        agenda: '关于村集体机动地发包方案',
        ruleSet: '到会人员过半数通过',
        ballotMode: '公开表决',
        outcome: '通过',
        attendance: names.map((name) => ({
          name,
          present: true,
          voted: true,
          recused: false,
          entitled: true,
        })),
        observers: [{ name: supervisor[0], role: supervisor[1] }],
        ballots: names.map((name) => ({ name, choice: against.has(name) ? '反对' : '赞成' })),
        tally: {
          counts: [
            ['应到', names.length],
            ['实到', names.length],
            ['赞成', names.length - against.size],
            ['反对', against.size],
            ['弃权', 0],
          ],
          checks: [`赞成 ${names.length - against.size}，实到 ${names.length}，须超过 1/2：满足`],
        },
      },
    ],
    disclosures: [
      {
        kind: '决议公开',
        title: '关于村集体机动地发包方案的决议',
        body: '经村民会议表决通过，村集体机动地 86 亩公开发包。公示期内如有异议，请向村务监督委员会反映。',
        channels: ['村务公开栏', '村民微信群'],
        publishedAt: trace[5].at,
        periodEndsAt: trace[6].at,
        supervisorOpinion: '程序合规，同意公开。',
        attachments: [
          { name: '发包方案.pdf', sha256: sha256('发包方案') },
          { name: '村民会议记录.pdf', sha256: sha256('村民会议记录') },
        ],
        objections: [],
      },
    ],
    opinions: [
      { at: trace[4].at, by: supervisor[0], role: supervisor[1], act: '签署监督意见', text: '同意。' },
    ],
    documentRequests: [],
    trace,
    chain: {
      ok: true,
      headSeq: trace[trace.length - 1].seq,
      headHash: trace[trace.length - 1].hash,
      checkpoint: { day: '2026-04-08', seq: trace[trace.length - 1].seq, hash: trace[trace.length - 1].hash },
      problem: null,
    },
  };
}
