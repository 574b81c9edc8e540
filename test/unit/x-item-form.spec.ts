import { applyEditorOp, readEditorOp, readXItemForm } from '../../src/web/x-item-form.js';

describe('the X-item editor’s form', () => {
  const posted = {
    code: ' X3 ',
    title: '危房改造',
    category: 'F',
    startRoles: ['villager', 'district_admin'],
    'kind.0': 'accept',
    'days.0': '9',
    'kind.1': 'notice',
    'days.1': '7',
    'unit.1': 'working',
    'kind.3': 'township',
    'limitDays.3': 'ten',
  };

  it('reads steps in their posted order with only their own kind’s parameters, keeping bad numbers to refuse', () => {
    const form = readXItemForm(posted);
    expect(form.code).toBe('X3');
    // Only the roles the editor offers: a district administrator cannot be made an applicant by a crafted post.
    expect(form.startRoles).toEqual(['villager']);
    expect(form.steps).toEqual([
      { kind: 'accept' },
      { kind: 'notice', days: 7, unit: 'working' },
      { kind: 'township', limitDays: Number.NaN },
    ]);
  });

  it('adds a step with its defaults, moves and removes by index, and ignores moves past either end', () => {
    const steps = readXItemForm(posted).steps;
    expect(applyEditorOp(steps, readEditorOp({ op: 'add', addKind: 'survey' })).at(-1)).toEqual({
      kind: 'survey',
      investigators: 2,
    });
    expect(applyEditorOp(steps, readEditorOp({ op: 'add', addKind: 'goto' }))).toEqual(steps);
    expect(applyEditorOp(steps, readEditorOp({ op: 'up:1' })).map((step) => step.kind)).toEqual([
      'notice',
      'accept',
      'township',
    ]);
    expect(applyEditorOp(steps, readEditorOp({ op: 'up:0' }))).toEqual(steps);
    expect(applyEditorOp(steps, readEditorOp({ op: 'down:2' }))).toEqual(steps);
    expect(applyEditorOp(steps, readEditorOp({ op: 'remove:0' })).map((step) => step.kind)).toEqual([
      'notice',
      'township',
    ]);
    expect(readEditorOp({ op: 'submit' })).toEqual({ op: 'submit' });
    expect(readEditorOp({ op: 'drop table' })).toEqual({ op: 'check' });
  });
});
