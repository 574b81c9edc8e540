import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ROLE_TITLES } from '../../workflows/index.js';
import { AppConfig } from '../config/app-config.js';
import { LocalTime } from '../common/local-time.js';
import { EngineService } from '../engine/engine.service.js';
import { AccountFactory } from '../identity/account-factory.js';
import type { PersonActor } from '../identity/actor.js';
import { MembershipRepository } from '../identity/membership.repository.js';
import { PeopleRepository } from '../identity/people.repository.js';
import type { RegionEntity } from '../identity/region.entity.js';
import { RegisterImportService } from '../registers/register-import.service.js';
import { SHEET_NAME } from '../registers/register-layout.js';
import { RegistersRepository } from '../registers/registers.repository.js';
import { writeXlsx } from '../export/xlsx-workbook.js';
import { demoRegister } from './demo-register.js';
import { RegionRepository } from '../identity/region.repository.js';
import { DEMO_DISTRICT, DEMO_OFFICIALS, DEMO_TOWNSHIP, DEMO_VILLAGES } from './demo-data.js';
import type { DemoLogins } from './demo-logins.js';
import { seedDemoMatters } from './demo-matters.js';

/** Seeds the demo district into an empty database, so that a newcomer can try every role at once. */
@Injectable()
export class DemoSeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly regions: RegionRepository,
    private readonly people: PeopleRepository,
    private readonly memberships: MembershipRepository,
    private readonly registers: RegistersRepository,
    private readonly registerImport: RegisterImportService,
    private readonly accounts: AccountFactory,
    private readonly engine: EngineService,
    private readonly time: LocalTime,
  ) {}

  /** Returns the logins when it seeded, or null when the database already had people. */
  async seedIfEmpty(): Promise<DemoLogins | null> {
    const people = new Map<string, PersonActor>();
    const logins = await this.seedPeople(people);
    if (!logins) return null;
    await this.loadRegister(people.get('township')!, logins.villages[0].id);
    await seedDemoMatters(this.engine, people, logins.villages[0].id, this.time);
    return logins;
  }

  /**
   * 东庄村's 花名册, a few hundred people in households, loaded by the import as the township loads a
   * village's first register: it names the village's representatives and party members, whom a secretary
   * does not record.
   */
  private async loadRegister(official: PersonActor, villageId: string): Promise<void> {
    const rows = demoRegister(DEMO_VILLAGES[0].people);
    const [header, ...body] = rows;
    const file = writeXlsx([
      { name: SHEET_NAME, columns: header.map((title) => ({ header: title })), rows: body },
    ]);
    await this.registerImport.import(official, villageId, file, this.membershipsSince());
  }

  private seedPeople(people: Map<string, PersonActor>): Promise<DemoLogins | null> {
    return this.dataSource.transaction(async (db) => {
      if ((await this.people.countPeople(db)) > 0) return null;
      const generated = !this.config.demoPassword;
      const password = this.config.demoPassword ?? randomBytes(9).toString('base64url');
      const logins: DemoLogins = { password, generated, accounts: [], villages: [] };
      const since = this.membershipsSince();
      const district = await this.region(db, 'district', DEMO_DISTRICT, null);
      const township = await this.region(db, 'township', DEMO_TOWNSHIP, district.id);
      for (const demo of DEMO_VILLAGES) {
        const village = await this.region(db, 'village', demo.name, township.id);
        logins.villages.push({ id: village.id, name: village.name });
        for (const member of demo.people) {
          const person = await this.accounts.createPerson(db, village.id, member.name);
          for (const grant of member.roles) {
            await this.memberships.insert(db, {
              villageId: village.id,
              id: randomUUID(),
              personId: person.id,
              role: grant.role,
              vcChair: grant.vcChair ?? false,
              supervisorChair: grant.supervisorChair ?? false,
              votingRights: grant.votingRights ?? true,
              household: member.household ?? null,
              validFrom: since,
              validTo: null,
              createdAt: this.time.now(),
            });
          }
          if (member.roles.some((grant) => grant.role === 'villager')) {
            await this.registers.insertMemberEntry(db, {
              villageId: village.id,
              personId: person.id,
              validFrom: since,
              validTo: null,
              basis: 'original',
              confirmedByMatterId: null,
              createdAt: this.time.now(),
            });
          }
          // The demo's logins share one password the person trying the demo chose (DEMO_PASSWORD).
          const account = await this.accounts.createAccount(
            db,
            person.id,
            { username: member.username, password },
            'holder',
          );
          people.set(member.username, {
            kind: 'person',
            accountId: account.id,
            personId: person.id,
            name: person.name,
          });
          const roles = member.roles.filter(
            (grant) => grant.role !== 'villager' || member.roles.length === 1,
          );
          logins.accounts.push({
            username: member.username,
            name: member.name,
            village: demo.name,
            roles: roles
              .map((grant) =>
                grant.vcChair
                  ? '村委会主任'
                  : grant.supervisorChair
                    ? '村务监督委员会主任'
                    : ROLE_TITLES[grant.role],
              )
              .join('、'),
          });
        }
      }
      for (const official of DEMO_OFFICIALS) {
        const regionId = official.role === 'district_admin' ? district.id : township.id;
        const person = await this.accounts.createPerson(db, regionId, official.name);
        await this.memberships.insertPost(db, {
          id: randomUUID(),
          regionId,
          personId: person.id,
          role: official.role,
          validFrom: since,
          validTo: null,
          createdAt: this.time.now(),
        });
        const account = await this.accounts.createAccount(
          db,
          person.id,
          { username: official.username, password },
          'holder',
        );
        people.set(official.username, {
          kind: 'person',
          accountId: account.id,
          personId: person.id,
          name: person.name,
        });
        const where = official.role === 'district_admin' ? DEMO_DISTRICT : DEMO_TOWNSHIP;
        logins.accounts.push({
          username: official.username,
          name: official.name,
          village: where,
          roles: ROLE_TITLES[official.role],
        });
      }
      return logins;
    });
  }

  /** Memberships start a year back, so meetings dated in the past find their rosters. */
  private membershipsSince(): string {
    return this.time.dateOf(new Date(this.time.now().getTime() - 366 * 24 * 3600 * 1000));
  }

  private async region(db: EntityManager, kind: RegionEntity['kind'], name: string, parentId: string | null) {
    const region: RegionEntity = { id: randomUUID(), kind, name, parentId, createdAt: this.time.now() };
    await this.regions.insert(db, region);
    return region;
  }
}
