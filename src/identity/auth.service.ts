import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ROLE_TITLES, type Role } from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import type { PersonActor } from './actor.js';
import { rolesFromMemberships } from './access.service.js';
import { MembershipRepository } from './membership.repository.js';
import { PasswordHasher } from './password-hasher.js';
import { PeopleRepository } from './people.repository.js';
import { RegionRepository } from './region.repository.js';
import { TokenService } from './token.service.js';

export interface RoleView {
  role: Role;
  title: string;
}

const roleViews = (roles: Iterable<Role>): RoleView[] =>
  [...roles].map((role) => ({ role, title: ROLE_TITLES[role] }));

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleRepository,
    private readonly memberships: MembershipRepository,
    private readonly regions: RegionRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly time: LocalTime,
  ) {}

  async login(username: string, password: string) {
    const db = this.dataSource.manager;
    const account = await this.people.findAccountByUsername(db, username);
    const valid =
      account && !account.disabledAt
        ? await this.hasher.verify(password, account.passwordHash)
        : await this.hasher.verifyNothing(password);
    if (!account || !valid) throw new DomainError('AUTH.BAD_CREDENTIALS');
    const person = (await this.people.findPerson(db, account.personId))!;
    const { token, expiresAt } = await this.tokens.issue({ accountId: account.id, personId: person.id });
    return { token, tokenType: 'Bearer', expiresAt, person: { id: person.id, name: person.name } };
  }

  /** Who I am, the villages I belong to and the posts I hold, with my roles in each. */
  async me(actor: PersonActor) {
    const db = this.dataSource.manager;
    const today = this.time.today();
    const villageIds = await this.memberships.villagesOf(db, actor.personId, today);
    const villages = await this.regions.findByIds(db, villageIds);
    const posts = await this.memberships.postsOf(db, actor.personId, today);
    const postRegions = await this.regions.findByIds(
      db,
      posts.map((post) => post.regionId),
    );
    return {
      person: { id: actor.personId, name: actor.name },
      villages: await Promise.all(
        villages.map(async (village) => ({
          id: village.id,
          name: village.name,
          roles: roleViews(
            rolesFromMemberships(
              await this.memberships.validForPerson(db, village.id, actor.personId, today),
            ),
          ),
        })),
      ),
      posts: posts.map((post) => {
        const region = postRegions.find((candidate) => candidate.id === post.regionId)!;
        return {
          regionId: region.id,
          regionName: region.name,
          regionKind: region.kind,
          ...roleViews([post.role])[0],
        };
      }),
    };
  }

  async changePassword(actor: PersonActor, currentPassword: string, newPassword: string): Promise<void> {
    const db = this.dataSource.manager;
    const account = await this.people.findAccount(db, actor.accountId);
    if (!account || !(await this.hasher.verify(currentPassword, account.passwordHash))) {
      throw new DomainError('AUTH.BAD_CREDENTIALS');
    }
    await this.people.updatePasswordHash(db, account.id, await this.hasher.hash(newPassword));
  }
}
