import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import { AccountFactory } from './account-factory.js';
import type { PersonActor } from './actor.js';
import type { CreateOfficialDto, CreateRegionDto } from './identity.dto.js';
import { MembershipRepository } from './membership.repository.js';
import { TOWNSHIP_ROLES } from './official-post.entity.js';
import { PeopleRepository } from './people.repository.js';
import type { RegionEntity } from './region.entity.js';
import { RegionRepository } from './region.repository.js';

const toView = (region: RegionEntity) => ({
  id: region.id,
  kind: region.kind,
  name: region.name,
  parentId: region.parentId,
});

/** Districts, townships and villages; district administrators shape the tree and appoint officials. */
@Injectable()
export class RegionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionRepository,
    private readonly memberships: MembershipRepository,
    private readonly people: PeopleRepository,
    private readonly accounts: AccountFactory,
    private readonly time: LocalTime,
  ) {}

  /** Regions the caller can see: their villages, the regions of their posts and everything below. */
  async listVisible(actor: PersonActor) {
    const db = this.dataSource.manager;
    const today = this.time.today();
    const posts = await this.memberships.postsOf(db, actor.personId, today);
    const seen = new Map<string, RegionEntity>();
    let frontier = await this.regions.findByIds(
      db,
      posts.map((post) => post.regionId),
    );
    while (frontier.length > 0) {
      frontier.forEach((region) => seen.set(region.id, region));
      frontier = await this.regions.children(
        db,
        frontier.map((region) => region.id),
      );
    }
    for (const villageId of await this.memberships.villagesOf(db, actor.personId, today)) {
      let region = await this.regions.findById(db, villageId);
      while (region && !seen.has(region.id)) {
        seen.set(region.id, region);
        region = region.parentId ? await this.regions.findById(db, region.parentId) : null;
      }
    }
    const order = { district: 0, township: 1, village: 2 };
    return [...seen.values()]
      .sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name, 'zh'))
      .map(toView);
  }

  async create(actor: PersonActor, dto: CreateRegionDto) {
    return this.dataSource.transaction(async (db) => {
      const parent = await this.regions.findById(db, dto.parentId);
      const expectedParent = dto.kind === 'township' ? 'district' : 'township';
      if (!parent) throw new DomainError('REGION.NOT_FOUND', { regionId: dto.parentId });
      if (parent.kind !== expectedParent) {
        throw new DomainError('REGION.BAD_PARENT', { expected: expectedParent, got: parent.kind });
      }
      await this.requireDistrictAdmin(db, actor, parent);
      const region: RegionEntity = {
        id: randomUUID(),
        kind: dto.kind,
        name: dto.name,
        parentId: parent.id,
        createdAt: this.time.now(),
      };
      await this.regions.insert(db, region);
      return toView(region);
    });
  }

  /**
   * Appoints a township officer or discipline inspector (to a township) or a district administrator (to a
   * district).
   */
  async appointOfficial(actor: PersonActor, regionId: string, dto: CreateOfficialDto) {
    return this.dataSource.transaction(async (db) => {
      const region = await this.regions.findById(db, regionId);
      if (!region) throw new DomainError('REGION.NOT_FOUND', { regionId });
      const expectedKind = TOWNSHIP_ROLES.includes(dto.role) ? 'township' : 'district';
      if (region.kind !== expectedKind) {
        throw new DomainError(
          'MEMBERSHIP.INVALID',
          { role: dto.role, regionKind: region.kind },
          `${dto.role} 须任职于${expectedKind === 'township' ? '乡镇' : '区'}`,
        );
      }
      await this.requireDistrictAdmin(db, actor, region);
      const person = dto.personId
        ? await this.people.findPerson(db, dto.personId)
        : dto.person
          ? await this.accounts.createPerson(db, regionId, dto.person.name, dto.person.phone)
          : null;
      if (!person) throw new DomainError('PERSON.NOT_FOUND', { personId: dto.personId ?? null });
      // An existing person is appointed only from a register within the same district.
      const home = person.homeRegionId ? await this.regions.findById(db, person.homeRegionId) : null;
      if (home && (await this.districtOf(db, home))?.id !== (await this.districtOf(db, region))?.id) {
        throw new DomainError('PERSON.OTHER_VILLAGE', { personId: person.id });
      }
      if (!home) await this.people.claimHome(db, person.id, regionId);
      const post = {
        id: randomUUID(),
        regionId,
        personId: person.id,
        role: dto.role,
        validFrom: dto.validFrom ?? this.time.today(),
        validTo: null,
        createdAt: this.time.now(),
      };
      await this.memberships.insertPost(db, post);
      const account = dto.account
        ? await this.accounts.createAccount(db, person.id, dto.account, 'official')
        : null;
      return {
        postId: post.id,
        person: { id: person.id, name: person.name },
        role: post.role,
        validFrom: post.validFrom,
        account,
      };
    });
  }

  /** The district a region lies in (itself, for a district). */
  private async districtOf(db: EntityManager, region: RegionEntity): Promise<RegionEntity | null> {
    let district: RegionEntity | null = region;
    while (district && district.kind !== 'district') {
      district = district.parentId ? await this.regions.findById(db, district.parentId) : null;
    }
    return district;
  }

  private async requireDistrictAdmin(
    db: EntityManager,
    actor: PersonActor,
    region: RegionEntity,
  ): Promise<void> {
    const district = await this.districtOf(db, region);
    const posts = district
      ? await this.memberships.postsOver(db, actor.personId, [district.id], this.time.today())
      : [];
    if (!posts.some((post) => post.role === 'district_admin')) throw new DomainError('AUTH.FORBIDDEN');
  }
}
