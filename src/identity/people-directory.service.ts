import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ROLE_TITLES, type Role } from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import { AccessService } from './access.service.js';
import type { PersonActor } from './actor.js';
import { VOTING_ROLES, isOfficial, rolesGrantableBy } from './village-people.service.js';
import type { MembershipEntity, VillageRole } from './membership.entity.js';
import { MembershipRepository } from './membership.repository.js';
import { PeopleRepository } from './people.repository.js';
import { RegionRepository } from './region.repository.js';

/** Who may look up a village's people and their roles: its cadres, its supervisors, the staff above. */
export const PEOPLE_READERS: readonly Role[] = [
  'secretary',
  'committee_member',
  'supervisor',
  'township_officer',
  'district_admin',
];
/** The order a page offers roles in: the villager's first, the secretary's last. */
const OFFERED_ORDER: readonly VillageRole[] = [
  'villager',
  'representative',
  'member_representative',
  'party_member',
  'committee_member',
  'supervisor',
  'secretary',
];
/** Past this many people a search asks for a name rather than listing a village's whole register. */
const LISTED = 50;

/** A role as a page shows it: what it is, since when, until when, and whether the caller may end it. */
export interface RoleHeld {
  membershipId: string;
  role: VillageRole;
  title: string;
  validFrom: string;
  validTo: string | null;
  mayEnd: boolean;
}

/**
 * A village's people as its cadres and the township look them up: by name, with the roles each holds from
 * today on and whether they have a login; and what the caller may change (the rules themselves are
 * `VillagePeopleService`'s, which refuses whatever a page offers wrongly).
 */
@Injectable()
export class PeopleDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly memberships: MembershipRepository,
    private readonly people: PeopleRepository,
    private readonly regions: RegionRepository,
    private readonly time: LocalTime,
  ) {}

  /** People whose name contains `query` (everyone without one), at most `LISTED`, and how many matched. */
  async search(actor: PersonActor, villageId: string, query: string) {
    const { callerRoles, today } = await this.requireReader(actor, villageId);
    const db = this.dataSource.manager;
    const everyone = await this.people.onRegisterOf(db, villageId);
    const matched = everyone.filter((person) => !query || person.name.includes(query));
    const shown = matched.slice(0, LISTED);
    const held = await this.memberships.heldOnOrAfter(db, villageId, today);
    const logins = new Set(
      (
        await this.people.accountsOf(
          db,
          shown.map((person) => person.id),
        )
      ).map((account) => account.personId),
    );
    return {
      village: await this.villageOf(villageId),
      total: matched.length,
      people: shown.map((person) => ({
        id: person.id,
        name: person.name,
        roles: this.rolesOf(held, person.id, callerRoles, today).map((role) => role.title),
        hasLogin: logins.has(person.id),
      })),
    };
  }

  /** One person of the village: their roles from today on, their login, and what the caller may do. */
  async person(actor: PersonActor, villageId: string, personId: string) {
    const { callerRoles, today } = await this.requireReader(actor, villageId);
    const db = this.dataSource.manager;
    const person = await this.people.findPerson(db, personId);
    if (!person || person.homeRegionId !== villageId) throw new DomainError('PERSON.NOT_FOUND', { personId });
    const roles = this.rolesOf(
      await this.memberships.heldOnOrAfter(db, villageId, today),
      personId,
      callerRoles,
      today,
    );
    const account = await this.people.findAccountOfPerson(db, personId);
    const grantable = rolesGrantableBy(callerRoles);
    const official = isOfficial(callerRoles);
    const votes = roles.some((role) => VOTING_ROLES.has(role.role));
    return {
      village: await this.villageOf(villageId),
      person: { id: person.id, name: person.name },
      roles,
      login: account
        ? {
            // The username is for those who hand logins over: the secretary and the staff above.
            username: grantable.length > 0 ? account.username : null,
            ownPasswordSet: !account.passwordFromOpener,
            openedInVillage: account.openedInVillage,
          }
        : null,
      today,
      may: {
        grant: OFFERED_ORDER.filter((role) => grantable.includes(role)).map((role) => ({
          role,
          title: ROLE_TITLES[role],
        })),
        backdate: official,
        resetPassword: official && account !== null,
        // The logins of those who vote are the township's to open (`requireMayOpenLoginFor`).
        openLogin: account === null && grantable.length > 0 && (official || !votes),
      },
    };
  }

  private rolesOf(
    held: readonly MembershipEntity[],
    personId: string,
    callerRoles: ReadonlySet<Role>,
    today: string,
  ): RoleHeld[] {
    const grantable = rolesGrantableBy(callerRoles);
    return held
      .filter((membership) => membership.personId === personId)
      .sort((a, b) => a.validFrom.localeCompare(b.validFrom))
      .map((membership) => ({
        membershipId: membership.id,
        role: membership.role,
        title: titleOf(membership, today),
        validFrom: membership.validFrom,
        validTo: membership.validTo,
        mayEnd: grantable.includes(membership.role),
      }));
  }

  private async villageOf(villageId: string) {
    const village = await this.regions.findById(this.dataSource.manager, villageId);
    return { id: villageId, name: village?.name ?? '' };
  }

  private async requireReader(actor: PersonActor, villageId: string) {
    const today = this.time.today();
    const callerRoles = await this.access.requireVillage(
      this.dataSource.manager,
      actor.personId,
      villageId,
      today,
    );
    if (!PEOPLE_READERS.some((role) => callerRoles.has(role))) throw new DomainError('AUTH.FORBIDDEN');
    return { callerRoles, today };
  }
}

/**
 * The role in words, with what refines it: 村委会主任, 监督委员会主任, a party member still on probation
 * today (who attends without a vote until the day after it ends, as the rosters count it).
 */
function titleOf(membership: MembershipEntity, today: string): string {
  if (membership.vcChair) return `${ROLE_TITLES[membership.role]}（村委会主任）`;
  if (membership.supervisorChair) return `${ROLE_TITLES[membership.role]}（主任）`;
  if (membership.role !== 'party_member') return ROLE_TITLES[membership.role];
  if (membership.probationUntil) {
    return today > membership.probationUntil ? '党员' : `预备党员（预备期至 ${membership.probationUntil}）`;
  }
  return membership.votingRights ? '党员' : '预备党员';
}
