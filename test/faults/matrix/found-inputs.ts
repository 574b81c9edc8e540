import type { MatrixWorld } from './matrix-world.js';
import type { RouteKey } from './route-listing.js';

/** A request the fuzzer once found answered with a 5xx (or taken when it should not be), kept as written. */
export interface FoundInput {
  key: RouteKey;
  url: string;
  who: 'secretary' | 'supervisor' | 'districtAdmin' | null;
  /** JSON for the API; a console form's as its urlencoded text. */
  body?: unknown;
  headers?: Record<string, string>;
  /** The refusal it gets now. */
  status: number;
  code: string;
}

const NUL = 'a\u0000b';
const deep = (depth: number) => {
  let value: unknown = '底';
  for (let level = 0; level < depth; level++) value = [value];
  return value;
};

/** Each once a server error (a stack overflow, a database error) or a check that passed what it must not. */
export function foundInputs(
  world: MatrixWorld,
  fresh: { matterId: string; requestId: string },
): FoundInput[] {
  const { villageId, districtId } = world.sites.own.world;
  const village = `/api/villages/${villageId}`;
  const matter = `${village}/matters/${fresh.matterId}`;
  const nowhere = '00000000-0000-4000-8000-000000000000';
  return [
    // Validators recurse: a few thousand levels overflowed their stack.
    {
      key: 'POST /api/regions',
      url: '/api/regions',
      who: 'districtAdmin',
      body: { kind: deep(3000) },
      status: 400,
      code: 'REQUEST.INVALID',
    },
    {
      key: 'POST /api/procedures/check',
      url: '/api/procedures/check',
      who: 'secretary',
      body: deep(3000),
      status: 400,
      code: 'REQUEST.INVALID',
    },
    // The retry key was claimed in a village that does not exist: a foreign-key violation.
    {
      key: 'POST /api/villages/:villageId/matters/:matterId/conflicts',
      url: `/api/villages/${nowhere}/matters/${fresh.matterId}/conflicts`,
      who: 'secretary',
      body: { personId: nowhere, relation: 'applicant' },
      headers: { 'idempotency-key': 'retry-1' },
      status: 404,
      code: 'REGION.NOT_FOUND',
    },
    // Numbers past PostgreSQL's integer reached queries.
    {
      key: 'GET /api/public/villages/:villageId/lists/versions/:version',
      url: `/api/public/villages/${villageId}/lists/versions/99999999999999999999`,
      who: null,
      status: 404,
      code: 'LIST.VERSION_NOT_FOUND',
    },
    {
      key: 'GET /api/public/villages/:villageId/lists/diff',
      url: `/api/public/villages/${villageId}/lists/diff?from=1e308&to=0`,
      who: null,
      status: 404,
      code: 'LIST.VERSION_NOT_FOUND',
    },
    {
      key: 'GET /api/procedures/:procedureId/versions/:version',
      url: '/api/procedures/A1/versions/99999999999999999999',
      who: 'secretary',
      status: 404,
      code: 'PROCEDURE.NOT_FOUND',
    },
    {
      key: 'GET /api/catalog/:code/flowchart.svg',
      url: '/api/catalog/A1/flowchart.svg?version=99999999999999999999',
      who: null,
      status: 404,
      code: 'PROCEDURE.NOT_FOUND',
    },
    {
      key: 'GET /api/villages/:villageId/matters',
      url: `${village}/matters?offset=100000000000000000000`,
      who: 'secretary',
      status: 400,
      code: 'REQUEST.INVALID',
    },
    // Dates and periods JavaScript takes and PostgreSQL does not.
    {
      key: 'GET /api/villages/:villageId/calendar',
      url: `${village}/calendar?from=-200000-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
      who: 'secretary',
      status: 400,
      code: 'REQUEST.INVALID',
    },
    {
      key: 'GET /api/villages/:villageId/ledger',
      url: `${village}/ledger?quarter=9999-Q4`,
      who: 'secretary',
      status: 400,
      code: 'REQUEST.INVALID',
    },
    {
      key: 'GET /api/public/villages/:villageId/bulletins/:month',
      url: `/api/public/villages/${villageId}/bulletins/9999-12`,
      who: null,
      status: 400,
      code: 'REQUEST.INVALID',
    },
    // U+0000, which PostgreSQL text cannot hold, in an address and in text fields.
    {
      key: 'GET /api/catalog/:code',
      url: '/api/catalog/%00',
      who: null,
      status: 400,
      code: 'REQUEST.INVALID',
    },
    {
      key: 'POST /api/auth/login',
      url: '/api/auth/login',
      who: null,
      body: { username: NUL, password: NUL },
      status: 400,
      code: 'REQUEST.INVALID',
    },
    {
      key: 'POST /api/regions',
      url: '/api/regions',
      who: 'districtAdmin',
      body: { kind: 'township', name: NUL, parentId: districtId },
      status: 400,
      code: 'REQUEST.INVALID',
    },
    {
      key: 'POST /api/villages/:villageId/people',
      url: `${village}/people`,
      who: 'secretary',
      body: { name: NUL, roles: [{ role: 'villager' }] },
      status: 400,
      code: 'REQUEST.INVALID',
    },
    {
      key: 'POST /api/regions/:districtId/calendar',
      url: `/api/regions/${districtId}/calendar`,
      who: 'districtAdmin',
      body: `date=2026-10-09&kind=holiday&name=${encodeURIComponent(NUL)}`,
      status: 400,
      code: 'REQUEST.INVALID',
    },
    {
      key: 'POST /api/villages/:villageId/matters/:matterId/document-requests',
      url: `${matter}/document-requests`,
      who: 'supervisor',
      body: { request: NUL },
      status: 400,
      code: 'REQUEST.INVALID',
    },
    {
      key: 'POST /api/villages/:villageId/matters/:matterId/document-requests/:requestId/answer',
      url: `${matter}/document-requests/${fresh.requestId}/answer`,
      who: 'secretary',
      body: { answer: NUL },
      status: 400,
      code: 'REQUEST.INVALID',
    },
    // The admission check took changes the request would refuse, and crashed on some.
    {
      key: 'POST /api/villages/:villageId/list-changes/check',
      url: `${village}/list-changes/check`,
      who: 'secretary',
      body: { changes: [{ kind: 'addItem', code: 5, title: '自定', definition: {} }] },
      status: 400,
      code: 'REQUEST.INVALID',
    },
    {
      key: 'POST /api/villages/:villageId/list-changes/check',
      url: `${village}/list-changes/check`,
      who: 'secretary',
      body: { changes: [{ kind: 'setResponsibility', code: 'G2', personId: 'not-a-uuid', duty: '负责' }] },
      status: 400,
      code: 'REQUEST.INVALID',
    },
    {
      key: 'POST /api/villages/:villageId/list-changes/check',
      url: `${village}/list-changes/check`,
      who: 'secretary',
      body: { changes: [{ kind: 'retireItem', code: 'G2', reason: NUL }] },
      status: 400,
      code: 'REQUEST.INVALID',
    },
    {
      key: 'POST /api/villages/:villageId/list-changes/check',
      url: `${village}/list-changes/check`,
      who: 'secretary',
      body: { changes: [{ kind: 'nope', code: 'G2' }] },
      status: 400,
      code: 'REQUEST.INVALID',
    },
    // The console's calendar form took a NUL in the day's name to the database (the API's DTO refuses it).
    {
      key: 'POST /c/r/:regionId/calendar',
      url: `/c/r/${districtId}/calendar`,
      who: 'districtAdmin',
      body: `date=2026-10-09&kind=holiday&name=${encodeURIComponent(NUL)}`,
      status: 400,
      code: 'REQUEST.INVALID',
    },
  ];
}
