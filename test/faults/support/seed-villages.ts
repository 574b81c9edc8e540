import { ManualClock } from '../../../src/common/clock.js';
import { loadConfig } from '../../../src/config/app-config.js';
import { migrate, openDataSource } from '../../../src/database/open-data-source.js';
import { AppSettingRepository } from '../../../src/identity/app-setting.repository.js';
import { LoginSecurityRepository } from '../../../src/identity/login-security.repository.js';
import { MembershipRepository } from '../../../src/identity/membership.repository.js';
import { PasswordHasher } from '../../../src/identity/password-hasher.js';
import { PeopleRepository } from '../../../src/identity/people.repository.js';
import { RegionRepository } from '../../../src/identity/region.repository.js';
import { RegistersRepository } from '../../../src/registers/registers.repository.js';
import { TokenService } from '../../../src/identity/token.service.js';
import { createVillage, type VillageWorld } from '../../factories/village.factory.js';
import type { TestApp } from '../../support/test-app.js';

/**
 * Migrates the database and creates villages with people in every role, their accounts and tokens, with
 * the e2e tests' factory. Only what the factory reads is built (its repositories and the token signer):
 * starting the whole app in-process would cost as much as one more start of the child, which accepts the
 * tokens since it is given the same AUTH_SECRET.
 */
export async function seedVillages(
  databaseUrl: string,
  authSecret: string,
  count: number,
): Promise<VillageWorld[]> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret, DATABASE_POOL_SIZE: '2' });
  const dataSource = await openDataSource(config.database);
  try {
    await migrate(dataSource);
    const memberships = new MembershipRepository();
    const services: object[] = [
      new RegionRepository(),
      new PeopleRepository(),
      memberships,
      new RegistersRepository(memberships),
      new PasswordHasher(),
      new TokenService(
        config,
        new AppSettingRepository(dataSource),
        new LoginSecurityRepository(),
        dataSource,
      ),
    ];
    const seeding: Pick<TestApp, 'dataSource' | 'clock' | 'get'> = {
      dataSource,
      clock: new ManualClock(new Date()),
      get: <T>(token: abstract new (...args: never[]) => T) =>
        services.find((service) => service instanceof token) as T,
    };
    // The factory reads only these members of a test app.
    const first = await createVillage(seeding as TestApp);
    const villages = [first];
    while (villages.length < count) villages.push(await createVillage(seeding as TestApp, { within: first }));
    return villages;
  } finally {
    await dataSource.destroy();
  }
}
