import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { MatterConflictRepository } from '../engine/matter-conflict.repository.js';
import type { MatterEntity } from '../engine/matter.entity.js';
import type { MeetingEntity } from './meeting.entity.js';
import { MeetingRepository } from './meeting.repository.js';

/** What every act in a meeting first asks: which meeting is held in the step, and who is recused now. */
@Injectable()
export class MeetingAccess {
  constructor(
    private readonly meetings: MeetingRepository,
    private readonly conflicts: MatterConflictRepository,
  ) {}

  /** The meeting open in the matter's state, once its day has come. */
  async held(db: EntityManager, matter: MatterEntity, state: string, today: string): Promise<MeetingEntity> {
    const meeting = await this.meetings.openInState(db, matter.villageId, matter.id, state);
    if (!meeting) throw new DomainError('MEETING.NOT_OPEN');
    if (today < meeting.heldOn) throw new DomainError('MEETING.NOT_YET_HELD', { heldOn: meeting.heldOn });
    return meeting;
  }

  /** People a conflict of interest is declared for in the matter, now (not as the meeting was convened). */
  async recusedIn(db: EntityManager, matter: MatterEntity): Promise<Set<string>> {
    const conflicts = await this.conflicts.listByMatter(db, matter.villageId, matter.id);
    return new Set(conflicts.map((conflict) => conflict.personId));
  }
}
