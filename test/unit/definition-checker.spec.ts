import { BUILTIN_PROCEDURES, type JsonObject, type ProcedureDefinition } from '../../workflows/index.js';
import { majorMatterProcedure } from '../../workflows/procedures/a1-major-matter.procedure.js';
import { checkDefinition } from '../../src/procedures/definition-checker.js';
import { checkXStateReading } from '../../src/procedures/checker/xstate-reading.js';
import { GUARD_IMPLEMENTATIONS } from '../../src/procedures/guards.js';
import { buildProcedure } from '../../src/procedures/machine-builder.js';
import { buildStateTree } from '../../src/procedures/state-graph.js';

/** A definition as JSON would deliver it, for mutation. */
const asJson = (definition: ProcedureDefinition = majorMatterProcedure) =>
  JSON.parse(JSON.stringify(definition)) as ProcedureDefinition;

/** A small sound definition: draft → approve → done, or withdraw. */
const tiny = (): ProcedureDefinition => ({
  id: 'T1',
  version: 1,
  title: '测试流程',
  category: 'C',
  legalBasis: [{ law: '测试', localPractice: true }],
  startRoles: ['secretary'],
  inputSchema: {
    type: 'object',
    properties: { title: { type: 'string' } },
    required: ['title'],
    additionalProperties: false,
  },
  parameters: {},
  outcomes: { done: 'carriedOut', withdrawn: 'dropped' },
  events: {
    APPROVE: {
      title: '同意',
      roles: ['supervisor'],
      payload: { type: 'object', additionalProperties: false },
      marks: ['supervisorSignOff'],
    },
    WITHDRAW: {
      title: '撤回',
      roles: ['secretary'],
      payload: { type: 'object', additionalProperties: false },
    },
  },
  machine: {
    id: 'tiny',
    initial: 'draft',
    states: {
      draft: {
        meta: { title: '拟稿' },
        on: { APPROVE: [{ target: 'done' }], WITHDRAW: [{ target: 'withdrawn' }] },
      },
      done: { type: 'final', meta: { title: '完成' } },
      withdrawn: { type: 'final', meta: { title: '撤回' } },
    },
  },
});

const codes = (definition: unknown) => checkDefinition(definition).map((issue) => issue.code);

describe(checkDefinition.name, () => {
  it.each(BUILTIN_PROCEDURES.map((definition) => [definition.id, definition] as const))(
    'passes the built-in procedure %s, also after a JSON round trip',
    (_id, definition) => {
      expect(checkDefinition(definition)).toEqual([]);
      expect(checkDefinition(asJson(definition))).toEqual([]);
    },
  );

  it('passes a small hand-written definition', () => {
    expect(checkDefinition(tiny())).toEqual([]);
  });

  it('names the state and event of an unknown guard', () => {
    const definition = tiny();
    definition.machine.states!.draft.on!.APPROVE[0].guard = { type: 'isFullMoon' };
    expect(checkDefinition(definition)).toEqual([
      expect.objectContaining({ code: 'GUARD.UNKNOWN', state: 'draft', event: 'APPROVE' }),
    ]);
  });

  it.each(['__proto__', 'toString', 'constructor', 'hasOwnProperty'])(
    'names a guard or action called %s unknown, not a crash (a fuzz finding)',
    (name) => {
      const definition = tiny();
      definition.machine.states!.draft.on!.APPROVE[0].guard = { type: name };
      definition.machine.states!.draft.on!.APPROVE[0].actions = [{ type: name }];
      expect(checkDefinition(definition)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'GUARD.UNKNOWN' }),
          expect.objectContaining({ code: 'ACTION.UNKNOWN' }),
        ]),
      );
    },
  );

  it('names an unknown action', () => {
    const definition = tiny();
    definition.machine.states!.draft.on!.APPROVE[0].actions = [{ type: 'sendFireworks' }];
    expect(checkDefinition(definition)).toEqual([
      expect.objectContaining({ code: 'ACTION.UNKNOWN', state: 'draft' }),
    ]);
  });

  it('refuses an action with wrong params, such as an unknown rule set', () => {
    const definition = tiny();
    definition.machine.states!.draft.on!.APPROVE[0].actions = [
      { type: 'openMeeting', params: { body: 'partyMembers', ruleSet: 'show-of-hands' } },
    ];
    expect(checkDefinition(definition)).toEqual([
      expect.objectContaining({ code: 'ACTION.PARAMS', message: expect.stringContaining('show-of-hands') }),
    ]);
  });

  it('gives the discipline inspector no step: they handle complaints about the village, not its matters', () => {
    const definition = tiny();
    definition.startRoles = ['discipline_inspector'];
    definition.events.WITHDRAW.roles = ['discipline_inspector'];
    expect(checkDefinition(definition)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'ROLE.UNKNOWN', path: 'startRoles' }),
        expect.objectContaining({ code: 'ROLE.UNKNOWN', event: 'WITHDRAW' }),
      ]),
    );
  });

  it('names an unknown role, and an event nobody may send', () => {
    const definition = tiny();
    definition.events.APPROVE.roles = ['mayor'];
    definition.events.WITHDRAW.roles = [];
    expect(checkDefinition(definition)).toEqual([
      expect.objectContaining({ code: 'ROLE.UNKNOWN', event: 'APPROVE' }),
      expect.objectContaining({ code: 'SEPARATION.MARK_ROLES', event: 'APPROVE' }),
      expect.objectContaining({ code: 'EVENT.NO_ROLES', event: 'WITHDRAW' }),
    ]);
  });

  it('names an unreachable state', () => {
    const definition = tiny();
    definition.machine.states!.orphan = { meta: { title: '孤立' }, on: { APPROVE: [{ target: 'done' }] } };
    expect(checkDefinition(definition)).toEqual([
      expect.objectContaining({ code: 'STATE.UNREACHABLE', state: 'orphan' }),
    ]);
  });

  it('names a state from which no final state can be reached', () => {
    const definition = tiny();
    definition.machine.states!.draft.on!.WITHDRAW = [{ target: 'limbo' }];
    definition.machine.states!.limbo = { meta: { title: '搁置' }, on: { APPROVE: [{ target: 'limbo2' }] } };
    definition.machine.states!.limbo2 = { meta: { title: '搁置2' }, on: { WITHDRAW: [{ target: 'limbo' }] } };
    delete definition.machine.states!.withdrawn;
    definition.outcomes = { done: 'carriedOut' };
    expect(checkDefinition(definition)).toEqual([
      expect.objectContaining({ code: 'STATE.CANNOT_FINISH', state: 'limbo' }),
      expect.objectContaining({ code: 'STATE.CANNOT_FINISH', state: 'limbo2' }),
    ]);
  });

  it('refuses in-memory delays: time-driven steps must use durable timers', () => {
    const definition = tiny() as unknown as { machine: { states: { draft: Record<string, unknown> } } };
    definition.machine.states.draft.after = { 604800000: 'done' };
    expect(checkDefinition(definition)).toEqual([
      expect.objectContaining({
        code: 'STATE.KEY_UNSUPPORTED',
        state: 'draft',
        message: expect.stringContaining('持久化定时器'),
      }),
    ]);
  });

  it('names a target that does not exist', () => {
    const definition = tiny();
    definition.machine.states!.draft.on!.APPROVE = [{ target: 'published' }];
    expect(codes(definition)).toEqual(['TARGET.UNKNOWN']);
  });

  it('refuses an event handled but not declared, and one declared but never used', () => {
    const definition = tiny();
    definition.machine.states!.draft.on!.SHRED = [{ target: 'withdrawn' }];
    definition.events.ARCHIVE = {
      title: '归档',
      roles: ['secretary'],
      payload: { type: 'object', additionalProperties: false },
    };
    expect(checkDefinition(definition)).toEqual([
      expect.objectContaining({ code: 'EVENT.UNDECLARED', event: 'SHRED' }),
      expect.objectContaining({ code: 'EVENT.UNUSED', event: 'ARCHIVE' }),
    ]);
  });

  it('refuses a parameter reference with no parameter', () => {
    const definition = asJson();
    delete definition.parameters.resultPublicPeriod;
    expect(checkDefinition(definition)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'PARAMETER.UNKNOWN', path: 'parameters.resultPublicPeriod' }),
      ]),
    );
  });

  it('refuses payload schemas that would let unknown fields through', () => {
    const definition = tiny();
    definition.events.APPROVE.payload = { type: 'object' };
    expect(checkDefinition(definition)).toEqual([
      expect.objectContaining({ code: 'EVENT.SCHEMA_INVALID', event: 'APPROVE' }),
    ]);
  });

  it('answers malformed JSON with shape errors instead of failing', () => {
    expect(codes({ id: 'x' })[0]).toBe('DEFINITION.SHAPE');
    expect(
      codes({ ...tiny(), machine: { id: 'm', initial: 'a', states: { a: { on: { GO: 'b' } } } } })[0],
    ).toBe('DEFINITION.SHAPE');
    expect(codes(null)[0]).toBe('DEFINITION.SHAPE');
  });
});

describe(`${checkDefinition.name} on periods the law fixes`, () => {
  const f1 = BUILTIN_PROCEDURES.find((definition) => definition.id === 'F1')!;
  const withNotice = (period: JsonObject) => ({
    ...asJson(f1),
    parameters: { ...f1.parameters, noticePeriod: period },
  });

  it.each([
    [{ days: 7, unit: 'calendar' }],
    [{ days: 10, unit: 'calendar' }],
    [{ days: 7, unit: 'working' }],
  ])('lets a village keep or lengthen 低保’s notice: %j', (period) => {
    expect(checkDefinition(withNotice(period))).toEqual([]);
  });

  it.each([[{ days: 6, unit: 'calendar' }], [{ days: 6, unit: 'working' }]])(
    'refuses a shorter notice: %j',
    (period) => {
      expect(codes(withNotice(period))).toContain('GOVERNANCE.PERIOD_BELOW_LAW');
    },
  );
});

describe(checkXStateReading.name, () => {
  it.each(BUILTIN_PROCEDURES.map((definition) => [definition.id, definition] as const))(
    'reads the built-in procedure %s as XState does',
    (_id, definition) => {
      const machine = buildProcedure(definition).config;
      expect(checkXStateReading(machine, buildStateTree(machine))).toEqual([]);
    },
  );

  // The key check refuses such a state first; this holds the second line, should a key rule ever loosen.
  it('finds the state a `\\` escape makes XState read in place of the one the checker sees', () => {
    const definition = tiny();
    definition.machine.states!['d\\one'] = { type: 'final', meta: { title: '撤回' } };
    definition.machine.states!.draft.on!.WITHDRAW = [{ target: 'd\\one' }];
    const issues = checkXStateReading(definition.machine, buildStateTree(definition.machine));
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'STATE.READ_DIFFERENTLY', state: 'draft', event: 'WITHDRAW' }),
    );
  });
});

describe(buildProcedure.name, () => {
  it('will not build a record named `__proto__`, not even a stored version rebuilt for running', () => {
    const definition = tiny();
    definition.machine.states!.draft.on!.WITHDRAW[0].actions = [
      { type: 'remember', params: { key: '__proto__' } },
    ];
    for (const scope of ['admission', 'structure'] as const) {
      expect(() => buildProcedure(definition, {}, scope)).toThrow(
        expect.objectContaining({
          code: 'PROCEDURE.DEFINITION_INVALID',
          message: expect.stringContaining('__proto__'),
        }),
      );
    }
  });

  it('routes only on the route the context holds itself, never one from its prototype', () => {
    const context = Object.create({ route: { name: 'fast' } }) as Record<string, unknown>;
    context.inputs = {};
    expect(GUARD_IMPLEMENTATIONS.routeIs({ context, event: {} } as never, { routes: ['fast'] })).toBe(false);
    context.route = { name: 'fast' };
    expect(GUARD_IMPLEMENTATIONS.routeIs({ context, event: {} } as never, { routes: ['fast'] })).toBe(true);
  });

  it('refuses to build a definition with issues, listing them', () => {
    const definition = tiny();
    definition.machine.states!.draft.on!.APPROVE = [{ target: 'published' }];
    expect(() => buildProcedure(definition)).toThrow(
      expect.objectContaining({ code: 'PROCEDURE.DEFINITION_INVALID' }),
    );
  });

  it('applies parameter overrides when building', () => {
    const built = buildProcedure(majorMatterProcedure, {
      resolutionPublicPeriod: { days: 5, unit: 'working' },
    });
    const publish =
      built.config.states!.resolutionDisclosure.states!.awaitingOpinion.on!.GIVE_OPINION[0].actions![0];
    expect(publish.params).toEqual({ kind: 'resolution', period: { days: 5, unit: 'working' } });
  });
});
