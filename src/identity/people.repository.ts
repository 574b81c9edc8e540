import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AccountEntity } from './account.entity.js';
import { PersonEntity } from './person.entity.js';

@Injectable()
export class PeopleRepository {
  async insertPerson(db: EntityManager, person: PersonEntity): Promise<void> {
    await db.insert(PersonEntity, person);
  }

  findPerson(db: EntityManager, id: string): Promise<PersonEntity | null> {
    return db.findOneBy(PersonEntity, { id });
  }

  /** Puts a person with no register yet on one; a person already on one is left where they are. */
  async claimHome(db: EntityManager, id: string, homeRegionId: string): Promise<void> {
    await db
      .createQueryBuilder()
      .update(PersonEntity)
      .set({ homeRegionId })
      .where('id = :id AND home_region_id IS NULL', { id })
      .execute();
  }

  findPeople(db: EntityManager, ids: string[]): Promise<PersonEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : db.findBy(PersonEntity, { id: In(ids) });
  }

  /** A login; one opened for someone else is marked so by its caller (`passwordFromOpener`). */
  async insertAccount(
    db: EntityManager,
    account: Omit<AccountEntity, 'passwordFromOpener' | 'openedInVillage'> &
      Partial<Pick<AccountEntity, 'passwordFromOpener' | 'openedInVillage'>>,
  ): Promise<void> {
    await db.insert(AccountEntity, account);
  }

  findAccountByUsername(db: EntityManager, username: string): Promise<AccountEntity | null> {
    return db.findOneBy(AccountEntity, { username });
  }

  findAccount(db: EntityManager, id: string): Promise<AccountEntity | null> {
    return db.findOneBy(AccountEntity, { id });
  }

  findAccountOfPerson(db: EntityManager, personId: string): Promise<AccountEntity | null> {
    return db.findOneBy(AccountEntity, { personId });
  }

  /** The holder's own new password: the one the login was opened with no longer stands. */
  async updatePasswordHash(db: EntityManager, accountId: string, passwordHash: string): Promise<void> {
    await db.update(AccountEntity, { id: accountId }, { passwordHash, passwordFromOpener: false });
  }

  /**
   * The township's new first password for a login: its holder replaces it before acting, and whoever
   * opened the login in the village holds it no longer.
   */
  async resetPasswordHash(db: EntityManager, accountId: string, passwordHash: string): Promise<void> {
    await db.update(
      AccountEntity,
      { id: accountId },
      { passwordHash, passwordFromOpener: true, openedInVillage: false },
    );
  }

  /** Those of `personIds` whose login a village cadre opened and the township has not set again since. */
  async withLoginOpenedInVillage(db: EntityManager, personIds: readonly string[]): Promise<string[]> {
    if (personIds.length === 0) return [];
    const accounts = await db.findBy(AccountEntity, { personId: In([...personIds]), openedInVillage: true });
    return accounts.map((account) => account.personId);
  }

  /** The logins of `personIds`, one per person at most. */
  accountsOf(db: EntityManager, personIds: readonly string[]): Promise<AccountEntity[]> {
    return personIds.length === 0
      ? Promise.resolve([])
      : db.findBy(AccountEntity, { personId: In([...personIds]) });
  }

  /** The people on a village's register, in the order they were registered (its export's order too). */
  onRegisterOf(db: EntityManager, villageId: string): Promise<PersonEntity[]> {
    return db.find(PersonEntity, { where: { homeRegionId: villageId }, order: { createdAt: 'ASC' } });
  }

  async countPeople(db: EntityManager): Promise<number> {
    return db.count(PersonEntity);
  }
}
