import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { MembershipEntity } from './membership.entity.js';
import { MembershipRepository } from './membership.repository.js';
import type { RegionEntity } from './region.entity.js';
import { RegionRepository, type VillageLineage } from './region.repository.js';

/** Roles a set of memberships gives, including those derived from flags (chair, voting rights). */
export function rolesFromMemberships(memberships: readonly MembershipEntity[]): Set<Role> {
  const roles = new Set<Role>();
  for (const membership of memberships) {
    roles.add(membership.role);
    if (membership.role === 'committee_member' && membership.vcChair) roles.add('vc_chair');
    if (membership.role === 'supervisor' && membership.supervisorChair) roles.add('supervisor_chair');
    if (membership.role === 'party_member' && membership.votingRights) roles.add('voting_party_member');
  }
  return roles;
}

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
    const lineage = await this.lineage(db, villageId);
    if (!lineage) return this.rolesAtDistrict(db, personId, villageId, onDate);
    const roles = rolesFromMemberships(
      await this.memberships.validForPerson(db, villageId, personId, onDate),
    );
    const posts = await this.memberships.postsOver(
      db,
      personId,
      [lineage.township.id, lineage.district.id],
      onDate,
    );
    for (const post of posts) roles.add(post.role);
    return roles;
  }

  private async rolesAtDistrict(db: EntityManager, personId: string, regionId: string, onDate: string) {
    const region = await this.regions.findById(db, regionId);
    if (region?.kind !== 'district') return new Set<Role>();
    return new Set(
      (await this.memberships.postsOver(db, personId, [region.id], onDate)).map((post) => post.role),
    );
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
  ): Promise<{ region: RegionEntity; villages: RegionEntity[] }> {
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
    return { region, villages };
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
