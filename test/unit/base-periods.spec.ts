import type { JsonObject, ProcedureDefinition } from '../../workflows/index.js';
import { BASE_CATALOG } from '../../workflows/catalog/base-catalog.js';
import { shortNotices } from '../../src/lists/base-periods.js';

const BASE = BASE_CATALOG.map((definition) => ({ code: definition.id, definition, parameters: {} }));
const item = (code: string) => BASE.find((entry) => entry.code === code)!.definition;
const days = (count: number, unit: 'calendar' | 'working' = 'calendar') => ({ days: count, unit });
/** A village's copy of a base item as JSON: another id, nothing saying where it came from. */
const copy = (code: string, change: Partial<ProcedureDefinition> = {}): ProcedureDefinition => ({
  ...(JSON.parse(JSON.stringify(item(code))) as ProcedureDefinition),
  id: 'X1-village',
  ...change,
});
const short = (definition: ProcedureDefinition, parameters: JsonObject) =>
  shortNotices(definition, { ...definition.parameters, ...parameters }, BASE).map((notice) => ({
    key: notice.key,
    codes: [...new Set(notice.floors.map((floor) => floor.code))].sort(),
  }));

describe('A village item against the base list’s notices for items like it', () => {
  it('holds an item to the base items that share its statutory class, not to the rest of its category', () => {
    // F4's five working days would admit it; 低保's class binds it to F1's seven.
    expect(short(copy('F1'), { noticePeriod: days(5, 'working') })).toEqual([
      { key: 'noticePeriod', codes: ['F1'] },
    ]);
    expect(short(copy('F1'), { noticePeriod: days(7) })).toEqual([]);
  });

  it('holds an item of no class shared with a base item to the weakest notice of its category', () => {
    // F4 without its class: F4's five working days or the seven calendar days of F1, F3, F6.
    const subsidy = copy('F4');
    expect(short(subsidy, { noticePeriod: days(5, 'working') })).toEqual([]);
    expect(short(subsidy, { noticePeriod: days(7) })).toEqual([]);
    expect(short(subsidy, { noticePeriod: days(6) })).toEqual([
      { key: 'noticePeriod', codes: ['F1', 'F3', 'F4', 'F6'] },
    ]);
  });

  it('reads a period written in place, and holds a kind no base item of the category has to all of them', () => {
    const written = JSON.parse(
      JSON.stringify(copy('E1')).replace(
        '"kind":"resolution","period":{"$param":"villagePublicPeriod"}',
        '"kind":"preview","period":{"days":6,"unit":"calendar"}',
      ),
    ) as ProcedureDefinition;
    expect(short(written, {})).toEqual([{ key: undefined, codes: ['E1'] }]);
  });

  it('never holds an item to another category’s notices', () => {
    // Three days is A3's result notice, and nothing of category E's.
    expect(
      short(copy('E1', { category: 'A', statutoryClass: undefined }), { villagePublicPeriod: days(3) }),
    ).toEqual([]);
    expect(short(copy('E1'), { villagePublicPeriod: days(3) })).toEqual([
      { key: 'villagePublicPeriod', codes: ['E1'] },
    ]);
  });

  it('holds an item of a category whose base items post nothing to the base list’s shortest of its kind', () => {
    // 印章 and 证明 (G) post no notice: a homestead-like item filed there meets A3's and A4's three days.
    const filedElsewhere = copy('E1', { category: 'G', statutoryClass: undefined });
    expect(short(filedElsewhere, { villagePublicPeriod: days(1) })).toEqual([
      { key: 'villagePublicPeriod', codes: ['A3', 'A4'] },
    ]);
    expect(short(filedElsewhere, { villagePublicPeriod: days(3) })).toEqual([]);
  });

  it('names only the floors no other is weaker than', () => {
    const floors = shortNotices(
      copy('E1', { category: 'G', statutoryClass: undefined }),
      { ...item('E1').parameters, villagePublicPeriod: days(1) },
      BASE,
    )[0].floors;
    // Every period that meets five working days (F4, H1) also meets three calendar days (A3, A4).
    expect([...new Set(floors.map((floor) => `${floor.period.days} ${floor.period.unit}`))]).toEqual([
      '3 calendar',
    ]);
  });

  it('leaves an unresolved period to the checker', () => {
    expect(short(copy('E1'), { villagePublicPeriod: 'seven days' })).toEqual([]);
  });
});
