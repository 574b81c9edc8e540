import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import { PasswordHasher } from './password-hasher.js';
import { requireStrongPassword } from './password-rule.js';
import { PeopleRepository } from './people.repository.js';
import type { PersonEntity } from './person.entity.js';

/** Creates people and their logins; shared by village rosters, official posts and the demo seed. */
@Injectable()
export class AccountFactory {
  constructor(
    private readonly people: PeopleRepository,
    private readonly hasher: PasswordHasher,
    private readonly time: LocalTime,
  ) {}

  /** A person on the register of one village (or, for an official, of their township or district). */
  async createPerson(
    db: EntityManager,
    homeRegionId: string,
    name: string,
    phone?: string,
  ): Promise<PersonEntity> {
    const person = { id: randomUUID(), name, phone: phone ?? null, homeRegionId, createdAt: this.time.now() };
    await this.people.insertPerson(db, person);
    return person;
  }

  /**
   * A login with its first password, and who chose it: its `holder` (the demo seed, whose tryer sets
   * `DEMO_PASSWORD`), a `village` cadre or an `official` opening it for someone else. A password someone
   * else chose must be replaced by the holder before the login may act: nobody acts in a voter's or a
   * second approver's name with a password they gave out. A login opened in the village stays marked
   * as such (see `openedInVillage`).
   */
  async createAccount(
    db: EntityManager,
    personId: string,
    credentials: { username: string; password: string },
    openedBy: 'holder' | 'village' | 'official',
  ) {
    const { username, password } = credentials;
    requireStrongPassword(password, username);
    if (await this.people.findAccountOfPerson(db, personId))
      throw new DomainError('ACCOUNT.EXISTS', { personId });
    if (await this.people.findAccountByUsername(db, username)) {
      throw new DomainError('ACCOUNT.USERNAME_TAKEN', { username });
    }
    const account = {
      id: randomUUID(),
      personId,
      username,
      passwordHash: await this.hasher.hash(password),
      passwordFromOpener: openedBy !== 'holder',
      openedInVillage: openedBy === 'village',
      disabledAt: null,
      createdAt: this.time.now(),
    };
    await this.people.insertAccount(db, account);
    return { id: account.id, username, mustChangePassword: account.passwordFromOpener };
  }
}
