import { demoRegister } from '../../src/demo/demo-register.js';
import { toCsv } from '../../src/export/csv.js';
import { writeXlsx } from '../../src/export/xlsx-workbook.js';
import {
  describeInBrowser,
  snap,
  startBrowserWorld,
  unlabelledControls,
  type BrowserWorld,
} from '../support/browser.js';

/**
 * A village clerk keeps the 花名册 in Excel: on a phone, they load it, read what is wrong row by row,
 * load the corrected file, and find the people on the register page.
 */
describeInBrowser('A clerk loading the village register on a phone', () => {
  let env: BrowserWorld;

  beforeAll(async () => {
    env = await startBrowserWorld();
  });
  afterAll(() => env.close());

  it('shows each wrong row in Chinese, imports nothing, then loads the corrected file', async () => {
    const { world, base } = env;
    const [header, ...rows] = demoRegister([], 60);
    const birth = header.indexOf('出生日期');
    const broken = rows.map((row, index) =>
      index === 40 ? row.map((cell, at) => (at === birth ? '1988-02-30' : cell)) : row,
    );
    const page = await env.loggedIn('phone', 'secretary');
    await page.goto(`${base}/c/v/${world.villageId}`);
    await page.getByRole('link', { name: '村民花名册' }).click();
    expect(await unlabelledControls(page)).toEqual([]);

    await page.getByLabel(/选择花名册文件/).setInputFiles({
      name: '花名册.csv',
      mimeType: 'text/csv',
      buffer: toCsv(header, broken),
    });
    const alert = page.locator('.import-problems');
    await alert.waitFor({ state: 'visible' });
    expect(await alert.textContent()).toContain('未导入任何内容');
    expect(await alert.textContent()).toContain('第 42 行“出生日期”');
    await snap(page, 'registers', 'phone', '1-row-problems');
    await page.getByLabel('按姓名查找').fill(rows[0][header.indexOf('姓名')]);
    await page.getByRole('button', { name: '查看' }).click();
    expect(await page.getByText('共 0 人').count()).toBe(1);

    const workbook = writeXlsx([
      { name: '花名册', columns: header.map((title) => ({ header: title })), rows },
    ]);
    const upload = (buffer: Buffer) =>
      page.getByLabel(/选择花名册文件/).setInputFiles({
        name: '花名册.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer,
      });
    // The file names representatives and party members: the township records those, so nothing loads.
    expect(await page.getByText(/村民代表、成员代表和党员的增减由乡镇/).count()).toBe(1);
    await upload(workbook);
    await page.getByText(/村党组织书记不能增减：第 \d+/).waitFor();
    await snap(page, 'registers', 'phone', '2-voters-refused');
    // Without them, a file that enters people on the collective's member register is refused too: the
    // member assembly confirms members.
    expect(await page.getByText(/集体经济组织成员经成员大会确认/).count()).toBe(1);
    const clear = (titles: string[], details: string[]) => {
      const cleared = titles.map((title) => header.indexOf(title));
      const blanked = details.map((title) => header.indexOf(title));
      return rows.map((row) =>
        row.map((cell, at) => (cleared.includes(at) ? '否' : blanked.includes(at) ? '' : cell)),
      );
    };
    const asWorkbook = (body: string[][]) =>
      writeXlsx([{ name: '花名册', columns: header.map((title) => ({ header: title })), rows: body }]);
    const withoutVoters = clear(['村民代表', '成员代表', '党员'], ['代表户', '预备期至']);
    await upload(asWorkbook(withoutVoters));
    await page.getByText(/增减了成员名册上的人，未导入任何内容/).waitFor();
    // The residents alone, the village's own, load.
    await upload(
      asWorkbook(
        clear(
          ['村民代表', '成员代表', '党员', '集体经济组织成员'],
          ['代表户', '预备期至', '成员身份取得方式'],
        ),
      ),
    );
    await page.getByText(`已导入 ${rows.length} 行`).waitFor();
    await snap(page, 'registers', 'phone', '3-imported');
    await page.getByRole('link', { name: '刷新名册' }).click();
    expect(
      await page.getByRole('cell', { name: rows[0][header.indexOf('姓名')], exact: true }).count(),
    ).toBeGreaterThan(0);
    await snap(page, 'registers', 'phone', '4-register');
  });
});
