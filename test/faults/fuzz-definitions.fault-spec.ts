import fc from 'fast-check';
import type request from 'supertest';
import { createVillage, type VillageWorld } from '../factories/village.factory.js';
import { ALWAYS, displayPath } from '../../src/procedures/state-graph.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { errorShapeProblem } from './matrix/calls.js';
import { changesBetween, databaseDigest } from './matrix/database-digest.js';
import { rewordedDefinition, submittedDefinition } from './matrix/definition-arbitraries.js';

/** The checker alone is cheap: many runs. A list change goes through the database: fewer. */
const CHECKER_RUNS = Number(process.env.FUZZ_RUNS ?? 12) * 10;
const LIST_CHANGE_RUNS = Number(process.env.FUZZ_RUNS ?? 12) * 3;

/** Issues about the definition as a whole; every other issue says where it lies. */
const PLACELESS = new Set(['STATE.TOO_MANY', 'OUTCOME.NONE']);

interface Issue {
  code?: unknown;
  issue?: unknown;
  message?: unknown;
  state?: string;
  event?: string;
  path?: string;
}

/** What is wrong with one issue the checker reported, in words, or null. */
function issueProblem(issue: Issue, definition: unknown): string | null {
  const code = issue.issue ?? issue.code;
  if (typeof code !== 'string' || typeof issue.message !== 'string' || issue.message === '') {
    return `an issue without code or message: ${JSON.stringify(issue)}`;
  }
  if (code.startsWith('LIST.') || PLACELESS.has(code)) return null;
  if (!issue.state && !issue.event && !issue.path) return `${code} names no state, event or path`;
  // A named state or event must be one the definition has (a path may name where a thing is missing).
  const text = JSON.stringify(definition);
  // The machine itself and its eventless transitions go by names of the checker's own.
  const state = issue.state === displayPath('') ? undefined : issue.state;
  const event = issue.event === ALWAYS ? undefined : issue.event;
  const named = [...(state?.split('.') ?? []), ...(event ? [event] : [])];
  const unknown = named.filter((name) => !text.includes(JSON.stringify(name)));
  return unknown.length > 0
    ? `${code} names ${unknown.join(', ')}, which the definition does not have`
    : null;
}

/** A success with its status, or a refusal (4xx) in the error shape; never a 5xx. */
function answerProblems(response: request.Response, success: number): string[] {
  if (response.status === success) return [];
  const shape = response.status < 500 ? errorShapeProblem(response.body) : 'a server error';
  return shape ? [`answered ${response.status} (${shape}): ${response.text.slice(0, 300)}`] : [];
}

/** The definition at fault, as JSON: fast-check cannot print one whose `toString` was bent away. */
const withDefinition = (problems: string[], definition: unknown) =>
  problems.length === 0 ? problems : [...problems, `the definition: ${JSON.stringify(definition)}`];

describe('Procedure definitions submitted at run time, generated and bent', () => {
  let t: TestApp;
  let world: VillageWorld;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createVillage(t);
    // A new district's base list is written on its first read: do it now, before digests are compared.
    await t.api().get(`/public/villages/${world.villageId}/lists`).expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('the definition checker answers every definition with issues that say where, and stores nothing', async () => {
    const before = await databaseDigest(t.dataSource);
    await fc.assert(
      fc.asyncProperty(submittedDefinition, async (definition) => {
        const response = await t
          .api(world.people.villager1.token)
          .post('/procedures/check')
          .set('content-type', 'application/json')
          .send(JSON.stringify(definition));
        const { ok, issues } = (response.status === 200 ? response.body : { ok: true, issues: [] }) as {
          ok: boolean;
          issues: Issue[];
        };
        const problems = [
          ...answerProblems(response, 200),
          ...(ok !== (issues.length === 0) ? [`ok is ${String(ok)} with ${issues.length} issues`] : []),
          ...issues.flatMap((issue) => issueProblem(issue, definition) ?? []),
        ];
        expect(withDefinition(problems, definition)).toEqual([]);
      }),
      { numRuns: CHECKER_RUNS },
    );
    expect(changesBetween(before, await databaseDigest(t.dataSource), 0)).toEqual([]);
  });

  it('a village’s own item (X) with such a definition: the check and the request agree, and a refusal changes nothing', async () => {
    const secretary = t.api(world.people.secretary.token);
    const village = `/villages/${world.villageId}`;
    const outcomes = { taken: 0, refused: 0 };
    // Reworded ones mostly pass: the check's "ok" must hold for the request too, not only its "no".
    const definitions = fc.oneof({ arbitrary: submittedDefinition, weight: 2 }, rewordedDefinition);
    await fc.assert(
      fc.asyncProperty(definitions, async (definition) => {
        const changes = [{ kind: 'addItem', code: 'X7', title: '本村自定事项', definition }];
        const before = await databaseDigest(t.dataSource);
        const check = await secretary.post(`${village}/list-changes/check`, { changes });
        const afterCheck = await databaseDigest(t.dataSource);
        const request = await secretary.post(`${village}/matters`, {
          procedureId: 'L1',
          inputs: {
            title: '增加本村自有事项',
            summary: '按村规民约增加',
            effectiveFrom: '2026-03-10',
            changes,
          },
        });
        const afterRequest = await databaseDigest(t.dataSource);
        outcomes[request.status === 201 ? 'taken' : 'refused']++;
        const passed = check.status === 200 && (check.body as { ok: boolean }).ok;
        const problems = [
          ...answerProblems(check, 200),
          ...answerProblems(request, 201),
          ...changesBetween(before, afterCheck, 0).map((change) => `the check stored something: ${change}`),
          ...(check.status === 200
            ? (check.body as { issues: Issue[] }).issues.flatMap(
                (issue) => issueProblem(issue, definition) ?? [],
              )
            : []),
          // What the check passes, the request takes; what it refuses, the request refuses too.
          ...(passed !== (request.status === 201)
            ? [`the check says ${passed ? 'ok' : 'no'}, the request got ${request.status} ${request.text}`]
            : []),
          ...(request.status === 201
            ? []
            : changesBetween(afterCheck, afterRequest, 1).map((change) => `refused, yet ${change}`)),
        ];
        expect(withDefinition(problems, definition)).toEqual([]);
      }),
      { numRuns: LIST_CHANGE_RUNS },
    );
    // Not vacuous: both ways were taken.
    expect(outcomes).toEqual({ taken: expect.any(Number), refused: expect.any(Number) });
    expect(Math.min(outcomes.taken, outcomes.refused)).toBeGreaterThan(0);
  });
});
