import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ROLE_TITLES, type JsonObject, type Role } from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import { TraceService } from '../engine/trace.service.js';
import { AccessService } from './access.service.js';
import { AccountFactory } from './account-factory.js';
import type { PersonActor } from './actor.js';
import type {
  CreateMembershipDto,
  CreateVillagerDto,
  NewAccountDto,
  NewPasswordDto,
  RoleGrantDto,
} from './identity.dto.js';
import { LoginSecurityRepository } from './login-security.repository.js';
import { VILLAGE_ROLES, type MembershipEntity, type VillageRole } from './membership.entity.js';
import { MembershipRepository } from './membership.repository.js';
import { PasswordHasher } from './password-hasher.js';
import { requireStrongPassword } from './password-rule.js';
import { PeopleRepository } from './people.repository.js';

/**
 * Roles a village secretary may grant: a villager (who lives here). Those who vote in the meetings the
 * cadres convene are elected (村民代表 by households or groups, 村民委员会组织法 第二十五条; 成员代表 by the
 * collective's members) or admitted by the party: the township records them, with the papers, as it
 * records cadres and supervisors. A secretary choosing the voters would choose the vote.
 */
const SECRETARY_GRANTS: ReadonlySet<VillageRole> = new Set(['villager']);
const CADRE_ROLES: ReadonlySet<VillageRole> = new Set(['secretary', 'committee_member']);
/** Roles that cast ballots in the meetings the village's cadres convene and record. */
export const VOTING_ROLES: ReadonlySet<VillageRole> = new Set([
  'representative',
  'party_member',
  'member_representative',
]);

/** Who changed the village's people: the caller and the roles they hold there today. */
type Caller = { personId: string; roles: ReadonlySet<Role> };

/** The office above the village the caller acts in, if any: they may grant any role, and date it back. */
export const officialRoleOf = (roles: ReadonlySet<Role>): Role | undefined =>
  (['township_officer', 'district_admin'] as const).find((role) => roles.has(role));

export const isOfficial = (roles: ReadonlySet<Role>) => officialRoleOf(roles) !== undefined;

/** The roles a caller may give and end in a village: every one for the township and district. */
export const rolesGrantableBy = (roles: ReadonlySet<Role>): readonly VillageRole[] =>
  isOfficial(roles) ? VILLAGE_ROLES : roles.has('secretary') ? [...SECRETARY_GRANTS] : [];

/** A village's people and their roles: who sits on which roster, who may act in which step. */
@Injectable()
export class VillagePeopleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly memberships: MembershipRepository,
    private readonly people: PeopleRepository,
    private readonly accounts: AccountFactory,
    private readonly hasher: PasswordHasher,
    private readonly sessions: LoginSecurityRepository,
    private readonly traces: TraceService,
    private readonly time: LocalTime,
  ) {}

  async members(actor: PersonActor, villageId: string, on?: string) {
    const db = this.dataSource.manager;
    await this.access.requireVillage(db, actor.personId, villageId, this.time.today());
    const memberships = await this.memberships.validInVillage(db, villageId, on ?? this.time.today());
    const people = await this.people.findPeople(db, [...new Set(memberships.map((m) => m.personId))]);
    const nameOf = new Map(people.map((person) => [person.id, person.name]));
    return memberships.map((membership) => ({
      membershipId: membership.id,
      person: { id: membership.personId, name: nameOf.get(membership.personId) ?? '' },
      role: membership.role,
      roleTitle: ROLE_TITLES[membership.role],
      vcChair: membership.vcChair,
      supervisorChair: membership.supervisorChair,
      votingRights: membership.votingRights,
      household: membership.household,
      validFrom: membership.validFrom,
      validTo: membership.validTo,
    }));
  }

  /** Registers a person in the village with one or more roles and, optionally, a login. */
  async createPerson(actor: PersonActor, villageId: string, dto: CreateVillagerDto) {
    return this.dataSource.transaction(async (db) => {
      const callerRoles = await this.access.requireVillage(db, actor.personId, villageId, this.time.today());
      // A secretary grants no voting role, so whatever login he opens here is not a voter's.
      dto.roles.forEach((grant) => this.requireMayGrant(callerRoles, grant.role));
      const validFrom = dto.validFrom ?? this.time.today();
      this.requireNotBackdated(callerRoles, validFrom);
      const person = await this.accounts.createPerson(db, villageId, dto.name, dto.phone);
      const by = { personId: actor.personId, roles: callerRoles };
      await this.record(db, villageId, by, 'REGISTER_PERSON', { personId: person.id });
      const memberships: MembershipEntity[] = [];
      for (const grant of dto.roles) {
        memberships.push(
          await this.grant(db, villageId, person.id, grant, dto.household ?? null, validFrom, by),
        );
      }
      const account = dto.account ? await this.openAccount(db, villageId, person.id, dto.account, by) : null;
      return {
        person: { id: person.id, name: person.name },
        membershipIds: memberships.map((m) => m.id),
        account,
      };
    });
  }

  async addMembership(actor: PersonActor, villageId: string, dto: CreateMembershipDto) {
    return this.dataSource.transaction(async (db) => {
      const callerRoles = await this.access.requireVillage(db, actor.personId, villageId, this.time.today());
      this.requireMayGrant(callerRoles, dto.role);
      const validFrom = dto.validFrom ?? this.time.today();
      this.requireNotBackdated(callerRoles, validFrom);
      await this.requireOnRegister(db, villageId, dto.personId);
      const by = { personId: actor.personId, roles: callerRoles };
      const membership = await this.grant(
        db,
        villageId,
        dto.personId,
        dto,
        dto.household ?? null,
        validFrom,
        by,
      );
      return { membershipId: membership.id };
    });
  }

  async endMembership(actor: PersonActor, villageId: string, membershipId: string, validTo: string) {
    await this.dataSource.transaction(async (db) => {
      const callerRoles = await this.access.requireVillage(db, actor.personId, villageId, this.time.today());
      const membership = await this.memberships.findById(db, villageId, membershipId);
      if (!membership) throw new DomainError('MEMBERSHIP.NOT_FOUND', { membershipId });
      this.requireMayGrant(callerRoles, membership.role);
      this.requireNotBackdated(callerRoles, validTo);
      if (validTo < membership.validFrom) {
        throw new DomainError('MEMBERSHIP.INVALID', { validTo }, '结束日期早于开始日期');
      }
      await this.memberships.end(db, villageId, membershipId, validTo);
      await this.record(db, villageId, { personId: actor.personId, roles: callerRoles }, 'END_ROLE', {
        membershipId,
        personId: membership.personId,
        role: membership.role,
        validTo,
      });
    });
  }

  async createAccount(actor: PersonActor, villageId: string, personId: string, dto: NewAccountDto) {
    return this.dataSource.transaction(async (db) => {
      const today = this.time.today();
      const callerRoles = await this.access.requireVillage(db, actor.personId, villageId, today);
      await this.requireOnRegister(db, villageId, personId);
      const held = await this.memberships.validForPerson(db, villageId, personId, today);
      if (held.length === 0) throw new DomainError('PERSON.NOT_FOUND', { personId });
      this.requireMayOpenLoginFor(callerRoles, held);
      held.forEach((membership) => this.requireMayGrant(callerRoles, membership.role));
      return this.openAccount(db, villageId, personId, dto, { personId: actor.personId, roles: callerRoles });
    });
  }

  private async openAccount(
    db: EntityManager,
    villageId: string,
    personId: string,
    dto: NewAccountDto,
    by: Caller,
  ) {
    const openedBy = isOfficial(by.roles) ? 'official' : 'village';
    const account = await this.accounts.createAccount(db, personId, dto, openedBy);
    await this.record(db, villageId, by, 'OPEN_ACCOUNT', { personId, username: dto.username });
    return account;
  }

  /**
   * The township sets a login's password again: for a villager who forgot theirs, and before anyone whose
   * login was opened in the village is given a vote. The holder then sets their own, and every session of
   * the login ends, so nobody who knew or held the old one still acts with it.
   */
  async resetPassword(actor: PersonActor, villageId: string, personId: string, dto: NewPasswordDto) {
    return this.dataSource.transaction(async (db) => {
      const callerRoles = await this.access.requireVillage(db, actor.personId, villageId, this.time.today());
      if (!isOfficial(callerRoles)) throw new DomainError('ACCOUNT.RESET_BY_TOWNSHIP');
      const person = await this.people.findPerson(db, personId);
      if (!person || person.homeRegionId !== villageId)
        throw new DomainError('PERSON.NOT_FOUND', { personId });
      const account = await this.people.findAccountOfPerson(db, personId);
      if (!account) throw new DomainError('ACCOUNT.NOT_FOUND', { personId });
      requireStrongPassword(dto.password, account.username);
      await this.people.resetPasswordHash(db, account.id, await this.hasher.hash(dto.password));
      await this.sessions.revokeSessionsOf(db, account.id, this.time.now());
      const by = { personId: actor.personId, roles: callerRoles };
      await this.record(db, villageId, by, 'RESET_PASSWORD', { personId, username: account.username });
      return { id: account.id, username: account.username, mustChangePassword: true };
    });
  }

  /**
   * Who holds a vote is the electorate of every meeting: each change to the village's people goes on its
   * chain, who made it and in which office, so a supervisor or the township can see who added whom and
   * from when. Never a password, a name or a phone number: the chain is kept for good.
   */
  private record(db: EntityManager, villageId: string, by: Caller, eventType: string, payload: JsonObject) {
    return this.traces.appendVillageAct(db, {
      villageId,
      actorPersonId: by.personId,
      actorRole: officialRoleOf(by.roles) ?? 'secretary',
      eventType,
      payload,
      at: this.time.now(),
    });
  }

  /**
   * A secretary records roles from today on: a role dated back would put someone on the roster of a meeting
   * already convened, or off it, after the fact. Officials correct the past (a 补登 with its papers).
   */
  private requireNotBackdated(callerRoles: ReadonlySet<Role>, date: string): void {
    if (isOfficial(callerRoles) || date >= this.time.today()) return;
    throw new DomainError('MEMBERSHIP.BACKDATED', { date, today: this.time.today() });
  }

  /**
   * A person is on one village's register: roles and a login are given to them there only, so nobody can
   * take over another village's person by giving them a role here. Someone on no register yet (kept from
   * before registers existed) joins this one.
   */
  private async requireOnRegister(db: EntityManager, villageId: string, personId: string): Promise<void> {
    const person = await this.people.findPerson(db, personId);
    if (!person) throw new DomainError('PERSON.NOT_FOUND', { personId });
    if (person.homeRegionId === null) await this.people.claimHome(db, personId, villageId);
    else if (person.homeRegionId !== villageId) throw new DomainError('PERSON.OTHER_VILLAGE', { personId });
  }

  /**
   * Whoever opens a login knows its first password. The holder must replace it before acting, but a
   * secretary who opened a representative's login could replace it first and vote in their name: the
   * logins of those who vote in the meetings the village's cadres run are opened by the township.
   */
  private requireMayOpenLoginFor(callerRoles: ReadonlySet<Role>, roles: readonly { role: VillageRole }[]) {
    const voting = roles.find((grant) => VOTING_ROLES.has(grant.role));
    if (voting && !isOfficial(callerRoles)) {
      throw new DomainError('ACCOUNT.VOTER_LOGIN_BY_TOWNSHIP', { role: voting.role });
    }
  }

  private requireMayGrant(callerRoles: ReadonlySet<Role>, role: VillageRole): void {
    if (rolesGrantableBy(callerRoles).includes(role)) return;
    if (callerRoles.has('secretary') && VOTING_ROLES.has(role)) {
      throw new DomainError('MEMBERSHIP.VOTER_BY_TOWNSHIP', { role });
    }
    throw new DomainError('AUTH.FORBIDDEN', { role });
  }

  private async grant(
    db: EntityManager,
    villageId: string,
    personId: string,
    grant: RoleGrantDto,
    household: string | null,
    validFrom: string,
    by: Caller,
  ): Promise<MembershipEntity> {
    if (grant.vcChair && grant.role !== 'committee_member') {
      throw new DomainError('MEMBERSHIP.INVALID', { field: 'vcChair' }, '只有两委成员可以兼任村委会主任');
    }
    if (grant.supervisorChair && grant.role !== 'supervisor') {
      throw new DomainError(
        'MEMBERSHIP.INVALID',
        { field: 'supervisorChair' },
        '只有监督委员会成员可以担任主任',
      );
    }
    if (grant.votingRights === false && grant.role !== 'party_member') {
      throw new DomainError('MEMBERSHIP.INVALID', { field: 'votingRights' }, '表决权标记只适用于党员');
    }
    await this.requireSeparateSupervision(db, villageId, personId, grant.role, validFrom);
    if (VOTING_ROLES.has(grant.role)) await this.requireLoginNotFromVillage(db, personId);
    const membership: MembershipEntity = {
      villageId,
      id: randomUUID(),
      personId,
      role: grant.role,
      vcChair: grant.vcChair ?? false,
      supervisorChair: grant.supervisorChair ?? false,
      votingRights: grant.votingRights ?? true,
      household,
      validFrom,
      validTo: null,
      createdAt: this.time.now(),
    };
    await this.memberships.insert(db, membership);
    await this.record(db, villageId, by, 'GRANT_ROLE', {
      membershipId: membership.id,
      personId,
      role: membership.role,
      vcChair: membership.vcChair,
      supervisorChair: membership.supervisorChair,
      votingRights: membership.votingRights,
      household,
      validFrom,
    });
    return membership;
  }

  /**
   * A login a village cadre opened may still be in the cadre's hands, whatever its password is now: before
   * its holder is given a vote, the township sets its password again (`resetPassword`).
   */
  private async requireLoginNotFromVillage(db: EntityManager, personId: string): Promise<void> {
    const held = await this.people.withLoginOpenedInVillage(db, [personId]);
    if (held.length > 0) throw new DomainError('ACCOUNT.RESET_BEFORE_VOTE', { personIds: held });
  }

  /** Village committee members may not sit on the supervision committee (村民委员会组织法 第三十二条). */
  private async requireSeparateSupervision(
    db: EntityManager,
    villageId: string,
    personId: string,
    role: VillageRole,
    onDate: string,
  ) {
    const held = new Set(
      (await this.memberships.validForPerson(db, villageId, personId, onDate)).map((m) => m.role),
    );
    const conflict =
      (role === 'supervisor' && [...CADRE_ROLES].some((cadre) => held.has(cadre))) ||
      (CADRE_ROLES.has(role) && held.has('supervisor'));
    if (conflict) {
      throw new DomainError('MEMBERSHIP.INVALID', { role }, '村务监督委员会成员不得由村“两委”成员兼任');
    }
  }
}
