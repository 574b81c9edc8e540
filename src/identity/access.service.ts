import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { MembershipEntity } from './membership.entity.js';
import type { SqlQuery } from '../common/sql-query.js';
import { MembershipRepository } from './membership.repository.js';
import { standingFromRows, standingQuery, type PersonStanding, type StandingRow } from './person-standing.js';
import type { RegionEntity } from './region.entity.js';
import { RegionRepository, type VillageLineage } from './region.repository.js';

/** Roles a set of memberships gives, including those derived from flags (chair, voting rights). */
export function rolesFromMemberships(
  memberships: readonly Pick<MembershipEntity, 'role' | 'vcChair' | 'supervisorChair' | 'votingRights'>[],
): Set<Role> {
  const roles = new Set<Role>();
  for (const membership of memberships) {
    roles.add(membership.role);
    if (membership.role === 'committee_member' && membership.vcChair) roles.add('vc_chair');
    if (membership.role === 'supervisor' && membership.supervisorChair) roles.add('supervisor_chair');
    if (membership.role === 'party_member' && membership.votingRights) roles.add('voting_party_member');
  }
  return roles;
}

/** A person's roles in a village and, in a matter, their acts there and whether they are recused. */
export type ActorStanding = { roles: Set<Role> } & Pick<PersonStanding, 'acts' | 'recused'>;

/**
 * Answers "what may this person do in this village today": roles held in the village, and posts in the
 * township or district above it. A village where the person has no role is invisible to them.
 */
@Injectable()
export class AccessService {
  /** A village's township and district never change once created: cache the lineage. */
  private readonly lineages = new Map<string, VillageLineage>();

  constructor(
    private readonly memberships: MembershipRepository,
    private readonly regions: RegionRepository,
  ) {}

  async lineage(db: EntityManager, villageId: string): Promise<VillageLineage | null> {
    const cached = this.lineages.get(villageId);
    if (cached) return cached;
    const found = await this.regions.lineage(db, villageId);
    if (found) this.lineages.set(villageId, found);
    return found;
  }

  /**
   * A person's roles in a village: memberships there and posts at its township or district. For a
   * district's own matters (its base list), the posts held at that district.
   */
  async rolesIn(db: EntityManager, personId: string, villageId: string, onDate: string): Promise<Set<Role>> {
    return (await this.standingIn(db, personId, villageId, onDate)).roles;
  }

  /**
   * The person's roles in a village and, given one of its matters, what they have done in it and whether
   * they are recused from it: all that authorising an event needs, read in one statement.
   */
  async standingIn(
    db: EntityManager,
    personId: string,
    villageId: string,
    onDate: string,
    matterId?: string,
  ): Promise<ActorStanding> {
    const query = await this.standingQueryFor(db, personId, villageId, onDate, matterId);
    return this.standingFrom(query ? await db.query<StandingRow[]>(query.text, query.params) : []);
  }

  /**
   * The statement behind `standingIn`, for a caller that reads it inside a statement of its own (the
   * engine, with the matter's lock); null where the region gives nobody a role.
   */
  async standingQueryFor(
    db: EntityManager,
    personId: string,
    villageId: string,
    onDate: string,
    matterId?: string,
  ): Promise<SqlQuery | null> {
    const postRegionIds = await this.postRegionsOver(db, villageId);
    return postRegionIds ? standingQuery(personId, onDate, { villageId, postRegionIds, matterId }) : null;
  }

  standingFrom(rows: readonly StandingRow[]): ActorStanding {
    const standing = standingFromRows(rows);
    const roles = rolesFromMemberships(standing.memberships);
    for (const role of standing.postRoles) roles.add(role);
    return { roles, acts: standing.acts, recused: standing.recused };
  }

  /** Where posts give roles over a village: its township and district; over a district, the district. */
  private async postRegionsOver(db: EntityManager, regionId: string): Promise<string[] | null> {
    const lineage = await this.lineage(db, regionId);
    if (lineage) return [lineage.township.id, lineage.district.id];
    const region = await this.regions.findById(db, regionId);
    return region?.kind === 'district' ? [region.id] : null;
  }

  /**
   * The villages under a township or district, for someone holding a post there or above it (a district
   * official reads a township's villages too). Anyone else is refused.
   */
  async villagesUnder(
    db: EntityManager,
    personId: string,
    regionId: string,
    onDate: string,
  ): Promise<{ region: RegionEntity; villages: RegionEntity[]; postRoles: Set<Role> }> {
    const region = await this.regions.findById(db, regionId);
    if (!region || region.kind === 'village') throw new DomainError('REGION.NOT_FOUND', { regionId });
    const posts = await this.memberships.postsOver(
      db,
      personId,
      [regionId, ...(region.parentId ? [region.parentId] : [])],
      onDate,
    );
    if (posts.length === 0) throw new DomainError('AUTH.FORBIDDEN');
    const townships = region.kind === 'district' ? await this.regions.children(db, [region.id]) : [region];
    const villages =
      townships.length === 0
        ? []
        : await this.regions.children(
            db,
            townships.map((township) => township.id),
          );
    return { region, villages, postRoles: new Set(posts.map((post) => post.role)) };
  }

  /** The caller's roles in a village they may see; a village they may not see does not exist for them. */
  async requireVillage(
    db: EntityManager,
    personId: string,
    villageId: string,
    onDate: string,
  ): Promise<Set<Role>> {
    const roles = await this.rolesIn(db, personId, villageId, onDate);
    if (roles.size === 0) throw new DomainError('REGION.NOT_FOUND', { regionId: villageId });
    return roles;
  }
}
