import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { Clock } from './clock.js';
import { LocalTime } from './local-time.js';
import { Metrics } from './metrics.js';

/** Configuration, the clock, local time and this process's metrics, available to every module. */
@Global()
@Module({})
export class CommonModule {
  static forRoot(config: AppConfig, clock: Clock): DynamicModule {
    return {
      module: CommonModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Clock, useValue: clock },
        LocalTime,
        Metrics,
      ],
      exports: [AppConfig, Clock, LocalTime, Metrics],
    };
  }
}
