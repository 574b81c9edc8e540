import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import { toCsv } from '../export/csv.js';
import { writeXlsx } from '../export/xlsx-workbook.js';
import { AccessService } from '../identity/access.service.js';
import type { PersonActor } from '../identity/actor.js';
import { PEOPLE_READERS } from '../identity/people-directory.service.js';
import { PeopleRepository } from '../identity/people.repository.js';
import { checkRegisters, type RegisterChecks } from './register-checks.js';
import { registerRows } from './register-export.js';
import { REGISTER_COLUMNS, SHEET_NAME } from './register-layout.js';
import { RegistersRepository } from './registers.repository.js';

/**
 * Who may read a register (birth dates, households, masked ID numbers): not every villager; those who look
 * up the village's people and their roles.
 */
export const REGISTER_READERS = PEOPLE_READERS;

/** A village's registers as its cadres, supervisors and officials read them, export them and check them. */
@Injectable()
export class RegistersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly registers: RegistersRepository,
    private readonly people: PeopleRepository,
    private readonly time: LocalTime,
  ) {}

  get timeZone(): string {
    return this.time.timeZone;
  }

  /** The register as rows of the documented layout, on a date (today by default). */
  async rows(actor: PersonActor, villageId: string, on?: string) {
    const date = on ?? this.time.today();
    await this.requireReader(actor, villageId);
    const db = this.dataSource.manager;
    const snapshot = await this.registers.snapshot(db, villageId, date);
    const rows = registerRows({
      people: await this.people.onRegisterOf(db, villageId),
      households: await this.registers.households(db, villageId),
      memberships: [...snapshot.memberships],
      members: (await this.registers.memberEntries(db, villageId)).filter(
        (entry) => entry.validFrom <= date && (entry.validTo === null || entry.validTo >= date),
      ),
      represented: await this.registers.representedHouseholds(db, villageId),
    });
    return { on: date, columns: REGISTER_COLUMNS.map((column) => column.title), rows };
  }

  async xlsx(actor: PersonActor, villageId: string, on?: string): Promise<Buffer> {
    const { columns, rows } = await this.rows(actor, villageId, on);
    return writeXlsx([{ name: SHEET_NAME, columns: columns.map((header) => ({ header })), rows }], {
      title: SHEET_NAME,
      timeZone: this.time.timeZone,
    });
  }

  async csv(actor: PersonActor, villageId: string, on?: string): Promise<Buffer> {
    const { columns, rows } = await this.rows(actor, villageId, on);
    return toCsv(columns, rows, { timeZone: this.time.timeZone });
  }

  /** How the registers measure up to the composition rules (art. 25, art. 28), as warnings. */
  async checks(actor: PersonActor, villageId: string): Promise<RegisterChecks> {
    await this.requireReader(actor, villageId);
    const db = this.dataSource.manager;
    const snapshot = await this.registers.snapshot(db, villageId, this.time.today());
    return checkRegisters({
      memberships: snapshot.memberships,
      people: snapshot.people,
      households: (await this.registers.households(db, villageId)).length,
      represented: await this.registers.representedHouseholds(db, villageId),
    });
  }

  private async requireReader(actor: PersonActor, villageId: string): Promise<void> {
    const roles = await this.access.requireVillage(
      this.dataSource.manager,
      actor.personId,
      villageId,
      this.time.today(),
    );
    if (!REGISTER_READERS.some((role) => roles.has(role))) throw new DomainError('AUTH.FORBIDDEN');
  }
}
