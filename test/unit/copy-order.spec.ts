import { planCopyOrder, type ForeignKey } from '../../src/database/database-copy.js';

const key = (name: string, table: string, references: string): ForeignKey => ({
  name,
  table,
  references,
  deferrable: false,
  initiallyDeferred: false,
});

describe(planCopyOrder.name, () => {
  it('puts each table after the tables it references', () => {
    const sut = planCopyOrder(
      ['trace', 'matter', 'region', 'person'],
      [
        key('trace_matter', 'trace', 'matter'),
        key('matter_region', 'matter', 'region'),
        key('matter_person', 'matter', 'person'),
        key('person_region', 'person', 'region'),
      ],
    );
    expect(sut).toEqual({ order: ['region', 'person', 'matter', 'trace'], deferred: [] });
  });

  it('defers a key that refers to its own table', () => {
    const parent = key('region_parent', 'region', 'region');
    expect(planCopyOrder(['region'], [parent])).toEqual({ order: ['region'], deferred: [parent] });
  });

  it('defers one key of a cycle between tables, and orders by the others', () => {
    const head = key('household_head', 'household', 'person');
    const home = key('person_household', 'person', 'household');
    const sut = planCopyOrder(['person', 'household'], [head, home]);
    // The walk starts at `household` (by name) and meets it again through `person`.
    expect(sut.deferred).toEqual([home]);
    expect(sut.order).toEqual(['person', 'household']);
  });

  it('ignores keys to tables it does not copy', () => {
    expect(planCopyOrder(['a'], [key('a_b', 'a', 'b')])).toEqual({ order: ['a'], deferred: [] });
  });
});
