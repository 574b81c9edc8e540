import type { SqlQuery } from '../common/sql-query.js';
import type { MembershipEntity } from './membership.entity.js';
import type { OfficialPostEntity } from './official-post.entity.js';

/** What a person holds in a village and, in one of its matters, what they have done there. */
export interface PersonStanding {
  memberships: Pick<MembershipEntity, 'role' | 'vcChair' | 'supervisorChair' | 'votingRights'>[];
  postRoles: OfficialPostEntity['role'][];
  /** Accepted acts in the matter asked about (none without one), once per event type and role. */
  acts: { eventType: string; actorRole: string | null }[];
  /** A conflict of interest (回避) is declared for the person in that matter. */
  recused: boolean;
}

/** One row of the standing query; `kind` says which part of the standing it belongs to. */
export interface StandingRow {
  kind: 'member' | 'post' | 'act' | 'recused';
  role: string | null;
  vc: boolean;
  sc: boolean;
  vr: boolean;
  event_type: string | null;
}

/** Valid on a date ($2): from `valid_from` through `valid_to` (inclusive, open-ended if null). */
export const VALID_ON = 'valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)';

/** Roles in a village: memberships there, posts in the regions above it ($1 person, $2 date). */
const STANDING_IN_VILLAGE = `SELECT 'member' AS kind, role, vc_chair AS vc, supervisor_chair AS sc,
         voting_rights AS vr, NULL AS event_type
    FROM membership WHERE village_id = $3 AND person_id = $1 AND ${VALID_ON}
  UNION ALL
  SELECT 'post', role, false, false, false, NULL
    FROM official_post WHERE person_id = $1 AND region_id = ANY($4::uuid[]) AND ${VALID_ON}`;

/** The same, and in a matter ($5): the person's accepted acts by role, and whether they are recused. */
const STANDING_IN_MATTER = `${STANDING_IN_VILLAGE}
  UNION ALL
  SELECT DISTINCT 'act', actor_role, false, false, false, event_type FROM trace
   WHERE village_id = $3 AND matter_id = $5 AND actor_person_id = $1 AND accepted
  UNION ALL
  SELECT 'recused', NULL, false, false, false, NULL FROM matter_conflict
   WHERE village_id = $3 AND matter_id = $5 AND person_id = $1`;

/**
 * One statement for all that authorising an act needs (the engine asks it for every event): a person's
 * memberships in a village and the roles of their posts in the regions above it, valid on a date, and,
 * in a matter, the acts they took there (accepted, by role) and whether a conflict of interest is
 * declared for them. Plain SQL, so that the engine can also read it inside the statement that locks the
 * matter.
 */
export function standingQuery(
  personId: string,
  onDate: string,
  where: { villageId: string; postRegionIds: string[]; matterId?: string },
): SqlQuery {
  const { villageId, postRegionIds, matterId } = where;
  return matterId
    ? { text: STANDING_IN_MATTER, params: [personId, onDate, villageId, postRegionIds, matterId] }
    : { text: STANDING_IN_VILLAGE, params: [personId, onDate, villageId, postRegionIds] };
}

export function standingFromRows(rows: readonly StandingRow[]): PersonStanding {
  const of = (kind: StandingRow['kind']) => rows.filter((row) => row.kind === kind);
  return {
    memberships: of('member').map((row) => ({
      role: row.role as MembershipEntity['role'],
      vcChair: row.vc,
      supervisorChair: row.sc,
      votingRights: row.vr,
    })),
    postRoles: of('post').map((row) => row.role as OfficialPostEntity['role']),
    acts: of('act').map((row) => ({ eventType: row.event_type ?? '', actorRole: row.role })),
    recused: of('recused').length > 0,
  };
}
