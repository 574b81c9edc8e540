import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EngineExtensions } from './engine-extensions.js';

/** Facts about the actor that guards may read. */
@Injectable()
export class ActorFacts implements OnModuleInit {
  constructor(private readonly extensions: EngineExtensions) {}

  onModuleInit(): void {
    // 一肩挑: the secretary who is also the villagers' committee chair may merge proposal and deliberation.
    this.extensions.registerFact('actorIsVcChair', ({ actorRoles }) =>
      Promise.resolve(actorRoles.has('vc_chair')),
    );
  }
}
