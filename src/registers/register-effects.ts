import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error.js';
import { EngineExtensions, type EffectContext } from '../engine/engine-extensions.js';
import { PeopleRepository } from '../identity/people.repository.js';
import type { MembershipBasis } from './collective-member.entity.js';
import { RegistersRepository } from './registers.repository.js';

/**
 * What a matter writes into the registers: a membership confirmation (D9) enters the people it confirmed on
 * the member register, from the day it is filed, naming the matter. Granting a non-member members' rights
 * (四分之三同意) makes nobody a member.
 */
@Injectable()
export class RegisterEffects implements OnModuleInit {
  constructor(
    private readonly extensions: EngineExtensions,
    private readonly registers: RegistersRepository,
    private readonly people: PeopleRepository,
  ) {}

  onModuleInit(): void {
    this.extensions.registerEffect('enterMemberRegister', (context) => this.enter(context));
  }

  private async enter({ db, matter, now, today }: EffectContext): Promise<void> {
    const inputs = matter.inputs as {
      personIds?: string[];
      basis?: MembershipBasis;
      grantsNonMemberRights?: boolean;
    };
    if (inputs.grantsNonMemberRights) return;
    const personIds = inputs.personIds ?? [];
    const found = await this.people.findPeople(db, personIds);
    const strangers = personIds.filter(
      (id) => found.find((person) => person.id === id)?.homeRegionId !== matter.villageId,
    );
    if (strangers.length > 0) throw new DomainError('PERSON.OTHER_VILLAGE', { personIds: strangers });
    const already = new Set(await this.registers.collectiveMembersOn(db, matter.villageId, today));
    for (const personId of personIds.filter((id) => !already.has(id))) {
      await this.registers.insertMemberEntry(db, {
        villageId: matter.villageId,
        personId,
        validFrom: today,
        validTo: null,
        basis: inputs.basis ?? 'other',
        confirmedByMatterId: matter.id,
        createdAt: now,
      });
    }
  }
}
