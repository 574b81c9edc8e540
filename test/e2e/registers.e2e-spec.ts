import readXlsxFile from 'read-excel-file/node';
import { demoRegister } from '../../src/demo/demo-register.js';
import { writeXlsx } from '../../src/export/xlsx-workbook.js';
import { toCsv } from '../../src/export/csv.js';
import { mergedHouseholdWorkbook } from '../fixtures/xlsx-packages.js';
import { createVillage, type VillageWorld } from '../factories/village.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const workbook = (rows: (string | number)[][]) => {
  const [header, ...body] = rows;
  return writeXlsx([
    { name: '花名册', columns: header.map((title) => ({ header: String(title) })), rows: body },
  ]);
};

interface Summary {
  rows: number;
  people: { created: number; updated: number; unchanged: number };
  households: { created: number };
  roles: { started: number; ended: number };
  members: { entered: number; left: number };
}

describe('Village registers (花名册) over HTTP', () => {
  let t: TestApp;
  let world: VillageWorld;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    world = await createVillage(t);
  });

  const secretary = () => t.api(world.people.secretary.token);
  const township = () => t.api(world.people.township.token);
  const upload = (file: Buffer, mediaType = XLSX, from = '2026-03-01', by = secretary()) =>
    by.upload(`/villages/${world.villageId}/registers/import?from=${from}`, file, mediaType);
  /** The first load (建档), by the township: it names who votes, which a secretary does not record. */
  const setUp = (rows: (string | number)[][]) => upload(workbook(rows), XLSX, '2026-03-01', township());
  const people = async () =>
    (
      (await secretary().get(`/villages/${world.villageId}/registers/people`).expect(200)).body as {
        rows: string[][];
      }
    ).rows;

  it('takes a change of who votes only from the township; a secretary’s file with one is refused whole', async () => {
    const rows = demoRegister([], 5);
    await setUp(rows).expect(201);
    const REPRESENTATIVE = rows[0].indexOf('村民代表');
    const MEMBER = rows[0].indexOf('集体经济组织成员');
    const RESIDENT = rows[0].indexOf('居住本村');
    const MEMBER_REPRESENTATIVE = rows[0].indexOf('成员代表');
    const set = (line: number, column: number, value: string) => (row: string[], index: number) =>
      index === line - 1 ? row.map((cell, at) => (at === column ? value : cell)) : row;
    const voters = async () =>
      (
        (await secretary().get(`/villages/${world.villageId}/members?on=2026-03-02`).expect(200)).body as {
          person: { name: string };
          role: string;
        }[]
      )
        .filter((member) => member.role !== 'villager')
        .map((member) => `${member.person.name}:${member.role}`)
        .sort();
    const before = await voters();
    expect(before.some((voter) => voter.endsWith(':representative'))).toBe(true);

    // A secretary's file that makes someone a representative, or takes a member representative off, stores
    // nothing.
    expect(rows[1][MEMBER_REPRESENTATIVE]).toBe('是');
    const crafted = rows.map(set(3, REPRESENTATIVE, '是')).map(set(2, MEMBER_REPRESENTATIVE, '否'));
    const refused = await upload(workbook(crafted), XLSX, '2026-03-02');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'MEMBERSHIP.VOTER_BY_TOWNSHIP',
      details: { lines: [2, 3] },
    });
    expect((refused.body as { message: string }).message).toContain('第 ');
    expect(await voters()).toEqual(before);

    // Nor does a file that takes a member off the collective's member register, or enters someone on it
    // (the member assembly confirms members, and the township keeps the filed register), or makes a member
    // a child by their birth date (off the assembly's roster).
    const members = async () =>
      (await people()).filter((entry) => entry[rows[0].indexOf('集体经济组织成员')] === '是').length;
    const membersBefore = await members();
    const peopleBefore = await people();
    const memberLine = rows.findIndex((row, index) => index > 0 && row[MEMBER] === '是') + 1;
    expect(memberLine).toBeGreaterThan(1);
    const newcomer = rows[0].map(
      (title) => ({ 户号: 'H001', 姓名: '新成员丁', 居住本村: '是', 集体经济组织成员: '是' })[title] ?? '',
    );
    const BIRTH = rows[0].indexOf('出生日期');
    const memberChanges: [number, string[][], string, string][] = [
      [
        memberLine,
        rows.map(set(memberLine, MEMBER, '否')),
        'MEMBER_REGISTER_BY_ASSEMBLY',
        '增减了成员名册上的人',
      ],
      [rows.length + 1, [...rows, newcomer], 'MEMBER_REGISTER_BY_ASSEMBLY', '增减了成员名册上的人'],
      [
        memberLine,
        rows.map(set(memberLine, BIRTH, '2015-06-01')),
        'VOTER_IDENTITY_BY_TOWNSHIP',
        '改动了出生日期',
      ],
    ];
    for (const [line, file, code, words] of memberChanges) {
      const changed = await upload(workbook(file), XLSX, '2026-03-02');
      expect(changed.status).toBe(403);
      expect(changed.body).toMatchObject({ code: `MEMBERSHIP.${code}`, details: { lines: [line] } });
      expect((changed.body as { message: string }).message).toContain(`第 ${line} 行${words}`);
    }
    expect(await people()).toEqual(peopleBefore);
    expect(await members()).toBe(membersBefore);

    // The rest of the register is still the village's: someone who moved away, from today on, not before.
    const residentLine = rows.findIndex((row, index) => index > 0 && row[RESIDENT] === '是') + 1;
    const left = rows.map(set(residentLine, RESIDENT, '否'));
    const backdated = await upload(workbook(left), XLSX, '2026-03-01');
    expect(backdated.body).toMatchObject({ code: 'MEMBERSHIP.BACKDATED', details: { date: '2026-03-01' } });
    const fromToday = (await upload(workbook(left), XLSX, '2026-03-02').expect(201)).body as Summary;
    expect(fromToday).toMatchObject({ roles: { started: 0, ended: 1 }, members: { entered: 0, left: 0 } });

    // The township records the election, dated back with its papers.
    await upload(workbook(left.map(set(3, REPRESENTATIVE, '是'))), XLSX, '2026-01-01', township()).expect(
      201,
    );
    expect(await voters()).toEqual([...before, `${rows[2][2]}:representative`].sort());
    const chain = await t.dataSource.query<{ actor_role: string; from: string }[]>(
      `SELECT actor_role, payload->>'from' AS "from" FROM trace
        WHERE village_id = $1 AND event_type = 'IMPORT_REGISTER' ORDER BY seq`,
      [world.villageId],
    );
    expect(chain).toEqual([
      { actor_role: 'township_officer', from: '2026-03-01' },
      { actor_role: 'secretary', from: '2026-03-02' },
      { actor_role: 'township_officer', from: '2026-01-01' },
    ]);
  });

  it('takes a corrected name as the same person: a resident’s from the secretary, a member’s from the township', async () => {
    const header = demoRegister([], 1)[0];
    const row = (name: string, member: string) =>
      header.map(
        (title) =>
          ({
            户号: 'H700',
            姓名: name,
            与户主关系: name.startsWith('户主') ? '户主' : '配偶',
            性别: '女',
            出生日期: '1990-05-06',
            居住本村: '是',
            集体经济组织成员: member,
          })[title] ?? '',
      );
    const names = async () => (await people()).map((entry) => entry[2]).filter((name) => name !== '');
    // A resident who is no member: the village's own register, typo and all.
    await upload(workbook([header, row('户主甲', '否'), row('王文', '否')])).expect(201);
    const fixed = (await upload(workbook([header, row('户主甲', '否'), row('王雯', '否')])).expect(201))
      .body as Summary;
    expect(fixed.people).toMatchObject({ created: 0, updated: 1 });
    expect((await names()).filter((name) => name === '王文' || name === '王雯')).toEqual(['王雯']);

    // A member's name is who shares in the collective: the township corrects it, the secretary's file is refused.
    await upload(
      workbook([header, row('户主甲', '否'), row('王雯', '是')]),
      XLSX,
      '2026-03-01',
      township(),
    ).expect(201);
    const before = await people();
    const renamed = await upload(
      workbook([header, row('户主甲', '否'), row('王雯雯', '是')]),
      XLSX,
      '2026-03-02',
    );
    expect(renamed.status).toBe(403);
    expect(renamed.body).toMatchObject({
      code: 'MEMBERSHIP.VOTER_IDENTITY_BY_TOWNSHIP',
      details: { lines: [3] },
    });
    expect((renamed.body as { message: string }).message).toContain('第 3 行改动了姓名');
    expect(await people()).toEqual(before);
    const corrected = (
      await upload(
        workbook([header, row('户主甲', '否'), row('王雯雯', '是')]),
        XLSX,
        '2026-03-02',
        township(),
      ).expect(201)
    ).body as Summary;
    expect(corrected.people).toMatchObject({ created: 0, updated: 1 });
    expect(corrected.members).toMatchObject({ entered: 0, left: 0 });
    expect((await names()).filter((name) => name.startsWith('王'))).toEqual(['王雯雯']);
  });

  it('leaves what a file has no column for as it is: a sheet of names and phones ends no role or membership', async () => {
    const rows = demoRegister([], 5);
    await setUp(rows).expect(201);
    const before = await people();
    const at = (title: string) => rows[0].indexOf(title);
    const phones = [
      ['户号', '姓名', '电话'],
      ...rows
        .slice(1)
        .map((row, index) => [row[at('户号')], row[at('姓名')], `1380000${String(index).padStart(4, '0')}`]),
    ];
    const summary = (await upload(workbook(phones), XLSX, '2026-03-02', township()).expect(201))
      .body as Summary;
    expect(summary).toMatchObject({
      people: { created: 0, updated: rows.length - 1 },
      roles: { started: 0, ended: 0 },
      members: { entered: 0, left: 0 },
    });
    // Everything but the phone numbers reads as before.
    const phone = before[0].length - 1;
    expect((await people()).map((row) => row.filter((_, index) => index !== phone))).toEqual(
      before.map((row) => row.filter((_, index) => index !== phone)),
    );
    expect((await people()).map((row) => row[phone])).toContain('13800000000');

    // Without the 户号 column, names are matched across the village: nobody is taken for a newcomer.
    const names = rows.slice(1).map((row) => row[at('姓名')]);
    const noHouseholds = [
      ['姓名', '电话'],
      ...names.map((name, index) => [name, `1390000${String(index).padStart(4, '0')}`]),
    ];
    const byName = (await upload(workbook(noHouseholds), XLSX, '2026-03-02', township()).expect(201))
      .body as Summary;
    expect(byName).toMatchObject({
      people: { created: 0, updated: names.length },
      roles: { started: 0, ended: 0 },
    });
    expect((await people()).map((row) => row.filter((_, index) => index !== phone))).toEqual(
      before.map((row) => row.filter((_, index) => index !== phone)),
    );
    // A name two people share, and a name on nobody: each refused on its line, nothing changed.
    const twin = names[0];
    const household = rows.find((row) => row[at('户号')] !== rows[1][at('户号')])![at('户号')];
    await upload(
      workbook([
        ['户号', '姓名'],
        [household, twin],
      ]),
      XLSX,
      '2026-03-02',
      township(),
    ).expect(201);
    const unsure = await upload(
      workbook([
        ['姓名', '电话'],
        [twin, '13711112222'],
        ['不在册的人', '13711113333'],
      ]),
      XLSX,
      '2026-03-02',
      township(),
    ).expect(422);
    expect((unsure.body as { details: { problems: unknown[] } }).details.problems).toEqual([
      { line: 2, column: '身份证号', message: `本村有同名人员“${twin}”，请加上“户号”列或填写身份证号以区分` },
      { line: 3, column: '姓名', message: expect.stringContaining('须有“户号”列') as string },
    ]);
    expect((await people()).flat()).not.toContain('13711112222');
    expect((await people()).some((row) => row.includes('不在册的人'))).toBe(false);
  });

  it('gives no vote by file to someone whose login a village cadre opened, until the township sets it again', async () => {
    const header = demoRegister([], 1)[0];
    const row = (name: string, representative: string) =>
      header.map(
        (title) => ({ 户号: '', 姓名: name, 居住本村: '是', 村民代表: representative })[title] ?? '',
      );
    const opened = await secretary()
      .post(`/villages/${world.villageId}/people`, {
        name: '村里开号人',
        roles: [{ role: 'villager' }],
        account: { username: 'opened-in-village', password: 'secretary-knows-this' },
      })
      .expect(201);
    const personId = opened.body.person.id as string;
    const file = workbook([header, row('新代表丙', '否'), row('村里开号人', '是')]);
    const refused = await upload(file, XLSX, '2026-03-02', township());
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'ACCOUNT.RESET_BEFORE_VOTE',
      details: { lines: [3], personIds: [personId] },
    });
    expect((await people()).some((entry) => entry.includes('新代表丙'))).toBe(false);
    await township()
      .post(`/villages/${world.villageId}/people/${personId}/account/password`, {
        password: 'township-sets-this',
      })
      .expect(201);
    const imported = (await upload(file, XLSX, '2026-03-02', township()).expect(201)).body as Summary;
    expect(imported.roles.started).toBeGreaterThanOrEqual(1);
  });

  it('loads a register of households from Excel, and an export of it imports again unchanged', async () => {
    const rows = demoRegister([], 20);
    const loaded = (await setUp(rows).expect(201)).body as Summary;
    expect(loaded).toMatchObject({
      rows: rows.length - 1,
      people: { created: rows.length - 1 },
      households: { created: 20 },
    });

    const exported = await secretary()
      .get(`/villages/${world.villageId}/registers/export.xlsx`)
      .responseType('blob')
      .expect(200);
    // Opened by a reader library, as Excel or WPS would open it.
    const [{ sheet, data }] = await readXlsxFile(exported.body as Buffer);
    expect(sheet).toBe('花名册');
    expect(data[0].slice(0, 4)).toEqual(['户号', '村民小组', '姓名', '与户主关系']);
    // The register's rows, and the test village's own people (the officials above it are not on it).
    const officials = ['township', 'inspector', 'district'];
    expect(data.length).toBe(rows.length + Object.keys(world.people).length - officials.length);
    // 与户主关系 comes back as the village wrote it (配偶, 子女…), not only 户主.
    const relationOf = new Map(data.map((row) => [`${String(row[0])}/${String(row[2])}`, row[3] ?? '']));
    for (const row of rows.slice(1)) expect(relationOf.get(`${row[0]}/${row[2]}`)).toBe(row[3]);
    expect(rows.slice(1).some((row) => !['', '户主'].includes(row[3]))).toBe(true);

    const again = (await upload(exported.body as Buffer).expect(201)).body as Summary;
    expect(again.people).toMatchObject({ created: 0, updated: 0 });
    const csv = await secretary().get(`/villages/${world.villageId}/registers/export.csv`).expect(200);
    const viaCsv = (await upload(Buffer.from(csv.text, 'utf8'), 'text/csv').expect(201)).body as Summary;
    expect(viaCsv).toMatchObject({ people: { created: 0, updated: 0 }, roles: { started: 0, ended: 0 } });
    // Excel's and WPS's "Unicode 文本": UTF-16 with its mark, fields parted by tabs.
    const unicodeText = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(rows.map((row) => row.join('\t')).join('\r\n'), 'utf16le'),
    ]);
    const viaText = (await upload(unicodeText, 'text/plain').expect(201)).body as Summary;
    expect(viaText).toMatchObject({ rows: rows.length - 1, people: { created: 0, updated: 0 } });
  });

  it('reads a 户号 written once in a cell merged down its household, and names the lines left with none', async () => {
    const rows = demoRegister([], 4);
    const lastLine = rows.length;
    const withoutHousehold = rows.map((row, index) => (index === lastLine - 1 ? ['', ...row.slice(1)] : row));
    const loaded = (
      await upload(mergedHouseholdWorkbook(withoutHousehold), XLSX, '2026-03-01', township()).expect(201)
    ).body as Summary & { linesWithoutHousehold: number[] };
    expect(loaded).toMatchObject({ rows: rows.length - 1, households: { created: 4 } });
    expect(loaded.linesWithoutHousehold).toEqual([lastLine]);
    const householdOf = new Map((await people()).map((entry) => [entry[2], entry[0]]));
    for (const row of withoutHousehold.slice(1)) expect(householdOf.get(row[2])).toBe(row[0]);
  });

  it('names every wrong row in Chinese and imports nothing', async () => {
    const rows = demoRegister([], 3);
    rows[2][4] = '未知';
    rows[3][5] = '1980-02-30';
    rows[4][6] = '140421198001011234';
    const refused = await upload(workbook(rows)).expect(422);
    expect(refused.body).toMatchObject({ code: 'REGISTER.IMPORT_INVALID' });
    const problems = (
      refused.body as { details: { problems: { line: number; column: string; message: string }[] } }
    ).details.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        { line: 3, column: '性别', message: '应填“男”或“女”，不是“未知”' },
        { line: 4, column: '出生日期', message: expect.stringContaining('不是有效的日期') as string },
        {
          line: 5,
          column: '身份证号',
          message: expect.stringContaining('不是有效的 18 位身份证号') as string,
        },
      ]),
    );
    expect((refused.body as { message: string }).message).toContain('未导入任何内容');
    expect((await people()).every((row) => !row[0].startsWith('H'))).toBe(true);
  });

  it('reads Excel date cells as dates, with a time part or before 1927 too, never as digits', async () => {
    const header = demoRegister([], 1)[0];
    const row = (name: string, birth: number | string) =>
      header.map((title) => ({ 户号: 'H800', 姓名: name, 出生日期: birth, 居住本村: '是' })[title] ?? '');
    // 29221.5 is 1980-01-01 at noon; 7306 is 1920-01-01; 19800501 is a date typed as a number.
    const rows = [header, row('午时生', 29221.5), row('百岁老人', 7306), row('数字日期', 19800501)];
    await upload(workbook(rows)).expect(201);
    const births = Object.fromEntries((await people()).map((entry) => [entry[2], entry[5]]));
    expect(births).toMatchObject({ 午时生: '1980-01-01', 百岁老人: '1920-01-01', 数字日期: '1980-05-01' });
    const asText = await upload(toCsv(header, [row('文本序号', '29221.5')]), 'text/csv').expect(422);
    expect(JSON.stringify(asText.body)).toContain('不是有效的日期');
  });

  it('refuses a cell longer than its column takes, so the register can always be downloaded again', async () => {
    const header = demoRegister([], 1)[0];
    const long = header.map(
      (title) => ({ 户号: 'H801', 姓名: '张三', 村民小组: '组'.repeat(51), 居住本村: '是' })[title] ?? '',
    );
    const refused = await upload(workbook([header, long])).expect(422);
    expect(refused.body).toMatchObject({
      code: 'REGISTER.IMPORT_INVALID',
      details: { problems: [{ line: 2, column: '村民小组', message: '不能超过 50 个字' }] },
    });
    await secretary().get(`/villages/${world.villageId}/registers/export.xlsx`).expect(200);
  });

  it.each(['2026-06-01T00:00:00Z', '2026-W10-1', '2026-060', '20260601'])(
    'refuses %s as a date with a clear error, for the import and for a person, changing nothing',
    async (date) => {
      const before = await people();
      const imported = await upload(workbook(demoRegister([], 2)), XLSX, date).expect(400);
      expect(imported.body).toMatchObject({ code: 'REQUEST.INVALID' });
      const added = await secretary()
        .post(`/villages/${world.villageId}/people`, {
          name: '周数测试',
          validFrom: date,
          roles: [{ role: 'villager' }],
        })
        .expect(400);
      expect(added.body).toMatchObject({ code: 'REQUEST.INVALID' });
      expect(await people()).toEqual(before);
    },
  );

  it('tells two people of one name apart by ID number, keeping the number only masked', async () => {
    const header = demoRegister([], 1)[0];
    const row = (name: string, id: string) =>
      header.map((title) => ({ 户号: 'H900', 姓名: name, 身份证号: id, 居住本村: '是' })[title] ?? '');
    const twins = [header, row('李明', ''), row('李明', '')];
    const refused = await upload(toCsv(twins[0], twins.slice(1)), 'text/csv').expect(422);
    expect(JSON.stringify(refused.body)).toContain('有同名人员“李明”，请填写身份证号以区分');

    const told = [header, row('李明', '110101199003071815'), row('李明', '110101199003072893')];
    await upload(toCsv(told[0], told.slice(1)), 'text/csv').expect(201);
    const listed = (await people()).filter((entry) => entry[2] === '李明');
    expect(listed.map((entry) => entry[6]).sort()).toEqual(['110101********1815', '110101********2893']);
    const stored: { id_number_hash: string }[] = await t.dataSource.query(
      `SELECT id_number_hash FROM person WHERE name = '李明' AND home_region_id = $1`,
      [world.villageId],
    );
    expect(stored.every((entry) => /^[0-9a-f]{64}$/.test(entry.id_number_hash))).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('19900307');
  });

  it('keeps the register to those who may read it, and the import to the secretary and officials', async () => {
    await t
      .api(world.people.villager1.token)
      .get(`/villages/${world.villageId}/registers/people`)
      .expect(403);
    await t
      .api(world.people.committee1.token)
      .upload(`/villages/${world.villageId}/registers/import`, workbook(demoRegister([], 1)), XLSX)
      .expect(403);
    const neighbour = await createVillage(t, { within: world });
    await t
      .api(neighbour.people.secretary.token)
      .get(`/villages/${world.villageId}/registers/people`)
      .expect(404);
  });

  it('warns where the representative meeting falls short of art. 25', async () => {
    const checks = (await secretary().get(`/villages/${world.villageId}/registers/checks`).expect(200))
      .body as {
      warnings: string[];
    };
    expect(checks.warnings).toEqual(
      expect.arrayContaining([expect.stringContaining('村民代表应占村民代表会议组成人员的五分之四以上')]),
    );
  });
});
