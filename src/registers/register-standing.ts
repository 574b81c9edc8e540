import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { VOTING_ROLES } from '../identity/village-people.service.js';
import type { MembershipEntity, VillageRole } from '../identity/membership.entity.js';
import { MembershipRepository } from '../identity/membership.repository.js';
import { addDays } from '../time/calendar.js';
import type { RegisterColumn, RegisterRow } from './register-layout.js';
import type { RegisterWrite } from './register-write.js';
import { RegistersRepository } from './registers.repository.js';

/**
 * The roles a register row gives or takes away, each by its column; cadres and supervisors are appointed
 * elsewhere.
 */
const ROLE_COLUMNS: Partial<Record<VillageRole, RegisterColumn>> = {
  villager: 'resident',
  representative: 'representative',
  member_representative: 'memberRepresentative',
  party_member: 'party',
};
const REGISTER_ROLES = Object.keys(ROLE_COLUMNS) as VillageRole[];

/**
 * A person's standing as a register row states it: the roles it gives or takes away (resident, villager
 * representative, member representative, party member with or without a vote) and their entry on the
 * collective's member register, from the date given. A role or entry that begins after that date is moved to
 * it, never given twice. Each answers what it changed of who votes, for the import to judge.
 */
@Injectable()
export class RegisterStanding {
  constructor(
    private readonly registers: RegistersRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  /**
   * Gives the roles the row states and ends those it no longer does, from the date given. Returns the
   * changes to who votes: a voting role given or ended, a party member's vote given or taken.
   */
  async syncRoles(
    { db, villageId, columns, from, summary, now }: RegisterWrite,
    personId: string,
    row: RegisterRow,
    held: MembershipEntity[],
  ): Promise<{ gained: boolean }[]> {
    const changes: { gained: boolean }[] = [];
    const wanted: Record<string, boolean> = {
      villager: row.resident,
      representative: row.representative,
      member_representative: row.memberRepresentative,
      party_member: row.party !== 'none',
    };
    for (const role of REGISTER_ROLES.filter((each) => columns.has(ROLE_COLUMNS[each]!))) {
      const current = held.find((membership) => membership.role === role);
      if (current && !wanted[role]) {
        await this.memberships.end(db, villageId, current.id, dayBefore(from, current.validFrom));
        summary.roles.ended += 1;
        if (VOTING_ROLES.has(role)) changes.push({ gained: false });
      } else if (current && wanted[role] && current.validFrom > from) {
        await this.memberships.moveStart(db, villageId, current.id, from);
        summary.roles.started += 1;
        if (VOTING_ROLES.has(role)) changes.push({ gained: true });
      } else if (!current && wanted[role]) {
        await this.memberships.insert(db, {
          villageId,
          id: randomUUID(),
          personId,
          role,
          vcChair: false,
          supervisorChair: false,
          votingRights: role !== 'party_member' || row.party === 'full',
          probationUntil: role === 'party_member' ? row.probationUntil : null,
          household: null,
          validFrom: from,
          validTo: null,
          createdAt: now,
        });
        summary.roles.started += 1;
        if (VOTING_ROLES.has(role)) changes.push({ gained: true });
      } else if (current && role === 'party_member') {
        const standing = { votingRights: row.party === 'full', probationUntil: row.probationUntil };
        if (
          current.votingRights !== standing.votingRights ||
          (current.probationUntil ?? null) !== standing.probationUntil
        ) {
          await this.memberships.updatePartyStanding(db, villageId, current.id, standing);
          if (current.votingRights !== standing.votingRights) changes.push({ gained: standing.votingRights });
        }
      }
    }
    return changes;
  }

  /**
   * Enters the person on the member register, or takes them off it, as the row's 集体经济组织成员 says, from
   * the date given; a file without that column changes no entry. `memberSince`: when the person's entry
   * valid on `from` or later began. Returns the change made, if any: an entry begun (or begun earlier) is
   * `gained`, one ended is not.
   */
  async syncMember(
    { db, villageId, columns, from, summary, now }: RegisterWrite,
    personId: string,
    row: RegisterRow,
    memberSince: string | undefined,
  ): Promise<{ gained: boolean } | undefined> {
    if (!columns.has('member')) return undefined;
    if (row.member && memberSince === undefined) {
      await this.registers.insertMemberEntry(db, {
        villageId,
        personId,
        validFrom: from,
        validTo: null,
        basis: row.memberBasis,
        confirmedByMatterId: null,
        createdAt: now,
      });
      summary.members.entered += 1;
      return { gained: true };
    }
    if (row.member && memberSince !== undefined && memberSince > from) {
      await this.registers.moveMemberEntryStart(db, villageId, personId, memberSince, from);
      summary.members.entered += 1;
      return { gained: true };
    }
    if (!row.member && memberSince !== undefined) {
      await this.registers.endMemberEntry(db, villageId, personId, addDays(from, -1));
      summary.members.left += 1;
      return { gained: false };
    }
    return undefined;
  }
}

/** The day before `from`, never before the entry began (an entry begun that day ends that day). */
const dayBefore = (from: string, validFrom: string) => {
  const before = addDays(from, -1);
  return before < validFrom ? validFrom : before;
};
