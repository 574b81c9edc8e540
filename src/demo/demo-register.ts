import { REGISTER_COLUMNS, type RegisterColumn } from '../registers/register-layout.js';
import type { DemoPerson } from './demo-data.js';

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文';
const GIVEN =
  '建国秀英志强淑芬红帆磊丽刚静强超敏军芳伟娜明华平玉兰桂英海燕文杰春梅永红晓东宏伟丽娟志刚雪梅国庆淑珍金凤玉珍俊峰亚楠佳怡子涵浩然雨轩欣怡宇航思远';
const GROUPS = ['第一村民小组', '第二村民小组', '第三村民小组', '第四村民小组'];

/** A small deterministic generator: the same village every time the demo is seeded. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    below: (n: number) => Math.floor(next() * n),
    chance: (p: number) => next() < p,
  };
}

type Row = Record<RegisterColumn, string>;

const blank = (): Row =>
  Object.fromEntries(REGISTER_COLUMNS.map((column) => [column.key, ''])) as unknown as Row;

/**
 * A realistic register (花名册) for a demo village: `households` households of two to five people in four
 * villager groups, with children, members of the collective who live elsewhere (working in the city),
 * residents who are not members (a spouse married in, not yet confirmed), and twenty-one member
 * representatives. The demo's own people (who log in) are on it in their roles, the representatives
 * standing for the generated households between them. Loaded by the same import a village uses.
 */
export function demoRegister(people: readonly DemoPerson[], households = 75, seed = 20260301): string[][] {
  const random = generator(seed);
  const rows: Row[] = [];
  const taken = new Set(people.map((person) => person.name));
  const drawn = () =>
    `${SURNAMES[random.below(SURNAMES.length)]}${GIVEN.slice(random.below(GIVEN.length - 1)).slice(0, 1 + random.below(2))}`;
  /** A name none of the demo's own people has, so that each of them is found again by name. */
  const name = () => {
    let candidate = drawn();
    while (taken.has(candidate)) candidate = drawn();
    return candidate;
  };
  const born = (minAge: number, maxAge: number) => {
    const year = 2026 - minAge - random.below(maxAge - minAge + 1);
    return `${year}-${String(1 + random.below(12)).padStart(2, '0')}-${String(1 + random.below(28)).padStart(2, '0')}`;
  };
  const codes: string[] = [];
  for (let index = 1; index <= households; index++) {
    const code = `H${String(index).padStart(3, '0')}`;
    codes.push(code);
    const group = GROUPS[Math.floor(((index - 1) * GROUPS.length) / households)];
    const size = 2 + random.below(4);
    for (let member = 0; member < size; member++) {
      const row = blank();
      const child = member >= 2 && random.chance(0.6);
      const away = !child && member > 0 && random.chance(0.1);
      const marriedIn = member === 1 && random.chance(0.08);
      Object.assign(row, {
        household: code,
        villagerGroup: group,
        name: name(),
        relation: member === 0 ? '户主' : member === 1 ? '配偶' : '子女',
        gender: (member === 0) === random.chance(0.5) ? '男' : '女',
        birthDate: child ? born(3, 17) : born(19, 80),
        resident: away ? '否' : '是',
        member: marriedIn ? '否' : '是',
        memberBasis: marriedIn ? '' : child ? '出生' : member === 1 ? '婚嫁' : '原始',
        representative: '否',
        memberRepresentative: '否',
        party: '否',
      });
      rows.push(row);
    }
  }
  // Names are drawn at random: where two in one household coincide, the second takes a generation name.
  const seen = new Set<string>();
  for (const row of rows) {
    while (seen.has(`${row.household}/${row.name}`)) row.name += '二';
    seen.add(`${row.household}/${row.name}`);
  }
  // Twenty-one member representatives (more than twenty, 集体经济组织法第二十八条).
  rows
    .filter((row) => row.relation === '户主' && row.member === '是')
    .slice(0, 21)
    .forEach((row) => (row.memberRepresentative = '是'));
  // The demo's own people, each in a household of their own, in the roles they log in with.
  // The demo's representatives share the generated households among them; party members are the demo's.
  const representatives = people.filter((person) =>
    person.roles.some((grant) => grant.role === 'representative'),
  );
  const share = Math.ceil(codes.length / Math.max(1, representatives.length));
  people.forEach((person, index) => {
    const held = new Set(person.roles.map((grant) => grant.role));
    const party = person.roles.find((grant) => grant.role === 'party_member');
    const standsFor = representatives.indexOf(person);
    rows.push({
      ...blank(),
      household: person.household ?? `D${String(index + 1).padStart(3, '0')}`,
      // Households of the demo's people are in the first group (two of them share one household).
      villagerGroup: GROUPS[0],
      name: person.name,
      relation: rows.some((row) => row.household === person.household && row.relation === '户主')
        ? ''
        : '户主',
      gender: index % 2 === 0 ? '男' : '女',
      birthDate: born(30, 60),
      resident: held.has('villager') ? '是' : '否',
      member: '是',
      memberBasis: '原始',
      representative: held.has('representative') ? '是' : '否',
      representedHouseholds:
        standsFor < 0 ? '' : codes.slice(standsFor * share, (standsFor + 1) * share).join('、'),
      memberRepresentative: '否',
      party: !party ? '否' : party.votingRights === false ? '预备' : '正式',
      probationUntil: party?.votingRights === false ? '2026-12-31' : '',
    });
  });
  return [
    REGISTER_COLUMNS.map((column) => column.title),
    ...rows.map((row) => REGISTER_COLUMNS.map((column) => row[column.key])),
  ];
}
