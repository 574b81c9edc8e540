import { Global, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { migrate, openDataSource, type OpenTarget } from './open-data-source.js';
import { ReadSource } from './read-source.js';

/** Which database the app runs on: the embedded one lacks some of a server's housekeeping (autovacuum). */
export class DatabaseKind {
  constructor(readonly kind: OpenTarget['kind']) {}
}

/** Opens the database, runs pending migrations, and closes it last at shutdown. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  static forRoot(target: OpenTarget): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DatabaseKind, useValue: new DatabaseKind(target.kind) },
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = await openDataSource(target);
            try {
              await migrate(dataSource);
            } catch (error) {
              await dataSource.destroy();
              throw error;
            }
            return dataSource;
          },
        },
        ReadSource,
      ],
      exports: [DataSource, DatabaseKind, ReadSource],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
