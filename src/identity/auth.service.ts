import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ROLE_TITLES, type Role } from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import type { PersonActor } from './actor.js';
import { rolesFromMemberships } from './access.service.js';
import { KnownDevices } from './known-devices.js';
import { MembershipRepository } from './membership.repository.js';
import type { LoginClient } from './login-client.js';
import { loginKeys, LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { requireStrongPassword } from './password-rule.js';
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
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleRepository,
    private readonly memberships: MembershipRepository,
    private readonly regions: RegionRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly devices: KnownDevices,
    private readonly time: LocalTime,
  ) {}

  /**
   * A token for the right username and password. Throttled per account (or per known device) and per
   * address before the password is even checked; every outcome is logged with the address (never the
   * password).
   */
  async login(username: string, password: string, client: LoginClient) {
    const device = await this.devices.throttleKey(username, client.device ?? null);
    const keys = loginKeys(username, client.address, device);
    const entry = {
      username: username.slice(0, 64),
      address: client.address,
      userAgent: client.userAgent,
      knownDevice: device !== null,
    };
    try {
      await this.throttle.admit(keys);
    } catch (error) {
      this.logger.warn({ event: 'login.throttled', ...entry });
      throw error;
    }
    const db = this.dataSource.manager;
    const account = await this.people.findAccountByUsername(db, username);
    const valid =
      account && !account.disabledAt
        ? await this.hasher.verify(password, account.passwordHash)
        : await this.hasher.verifyNothing(password);
    if (!account || !valid) {
      this.logger.warn({ event: 'login.failed', ...entry, known: Boolean(account) });
      throw new DomainError('AUTH.BAD_CREDENTIALS');
    }
    await this.throttle.succeeded(keys);
    const person = (await this.people.findPerson(db, account.personId))!;
    const { token, expiresAt, sessionId } = await this.tokens.issue({
      accountId: account.id,
      personId: person.id,
    });
    // A password changed while this one was checked revokes every session, but maybe before this one was
    // written: the session stands only if the password it was opened with is still the account's.
    if ((await this.people.findAccount(db, account.id))?.passwordHash !== account.passwordHash) {
      await this.tokens.revoke(sessionId);
      throw new DomainError('AUTH.BAD_CREDENTIALS');
    }
    this.logger.log({ event: 'login.succeeded', ...entry, accountId: account.id });
    return {
      token,
      tokenType: 'Bearer',
      expiresAt,
      person: { id: person.id, name: person.name },
      mustChangePassword: account.passwordFromOpener,
    };
  }

  /** Ends the caller's own login session: its token is refused from now on, in every process. */
  async logout(actor: PersonActor): Promise<void> {
    if (actor.sessionId) await this.tokens.revoke(actor.sessionId);
    this.logger.log({ event: 'logout', accountId: actor.accountId });
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
      mustChangePassword: actor.mustChangePassword === true,
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

  /**
   * A new password ends every login session of the account, this one included: a token taken before the
   * change is worth nothing after it. The caller logs in again with the new password. It is the holder's
   * own: a login opened with someone else's password may act from now on.
   */
  async changePassword(
    actor: PersonActor,
    currentPassword: string,
    newPassword: string,
  ): Promise<{ username: string }> {
    const db = this.dataSource.manager;
    const account = await this.people.findAccount(db, actor.accountId);
    if (!account) throw new DomainError('AUTH.BAD_CREDENTIALS');
    // Guessing the current password with a stolen token is throttled like logging in.
    const keys = loginKeys(account.username, actor.sessionId ? `session:${actor.sessionId}` : 'session');
    await this.throttle.admit(keys);
    if (!(await this.hasher.verify(currentPassword, account.passwordHash))) {
      this.logger.warn({ event: 'password.change-refused', accountId: account.id });
      throw new DomainError('AUTH.BAD_CREDENTIALS');
    }
    await this.throttle.succeeded(keys);
    requireStrongPassword(newPassword, account.username);
    await this.people.updatePasswordHash(db, account.id, await this.hasher.hash(newPassword));
    await this.tokens.revokeAllOf(account.id);
    this.logger.log({ event: 'password.changed', accountId: account.id });
    return { username: account.username };
  }
}
