import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/** The environment variables the app reads, validated at boot; nothing else reads `process.env`. */
class EnvironmentVariables {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV?: string;
  @IsOptional() @IsInt() @Min(0) @Max(65535) PORT?: number;
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;
  @IsOptional() @IsString() PGLITE_DATA_DIR?: string;
  @IsOptional() @IsString() @MinLength(32) AUTH_SECRET?: string;
  @IsOptional() @IsInt() @Min(5) @Max(43200) TOKEN_TTL_MINUTES?: number;
  @IsOptional() @IsIn(['auto', 'off']) DEMO_SEED?: string;
  @IsOptional() @IsString() @MinLength(8) DEMO_PASSWORD?: string;
  @IsOptional() @IsIn(['system', 'adjustable']) CLOCK?: string;
  @IsOptional() @IsString() TIME_ZONE?: string;
  @IsOptional() @IsInt() @Min(0) @Max(3600000) TIMER_POLL_MS?: number;
  @IsOptional() @IsInt() @Min(1) @Max(100) DATABASE_POOL_SIZE?: number;
}

export type DatabaseTarget =
  { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dataDir: string };

/** The validated configuration; the class is its own injection token. */
export class AppConfig {
  readonly production!: boolean;
  readonly port!: number;
  readonly database!: DatabaseTarget;
  /** Signs bearer tokens; when absent one is generated once and kept in the database. */
  readonly authSecret?: string;
  readonly tokenTtlMinutes!: number;
  /** Seed the demo district when the database is empty. */
  readonly demoSeed!: boolean;
  readonly demoPassword?: string;
  /** `adjustable` lets a district admin move the clock forward, for trying out public periods. */
  readonly clock!: 'system' | 'adjustable';
  readonly timeZone!: string;
  /** How often the scheduler looks for due timers; 0 turns it off. */
  readonly timerPollMs!: number;

  constructor(values: AppConfigValues) {
    Object.assign(this, values);
  }
}

export type AppConfigValues = Omit<AppConfig, never>;

export class ConfigError extends Error {}

const numeric = (value: string | undefined) =>
  value === undefined || value === '' ? undefined : Number(value);

export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const raw = plainToInstance(EnvironmentVariables, {
    ...env,
    PORT: numeric(env.PORT),
    TOKEN_TTL_MINUTES: numeric(env.TOKEN_TTL_MINUTES),
    TIMER_POLL_MS: numeric(env.TIMER_POLL_MS),
    DATABASE_POOL_SIZE: numeric(env.DATABASE_POOL_SIZE),
  });
  const errors = validateSync(raw, { whitelist: true, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((error) => Object.values(error.constraints ?? {}));
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const production = raw.NODE_ENV === 'production';
  const embedded = !raw.DATABASE_URL;
  if (production && embedded) {
    throw new ConfigError('Invalid configuration:\n  DATABASE_URL is required when NODE_ENV=production');
  }
  return new AppConfig({
    production,
    port: raw.PORT ?? 3000,
    database: embedded
      ? { kind: 'pglite', dataDir: resolve(raw.PGLITE_DATA_DIR ?? 'data/pglite') }
      : { kind: 'postgres', url: raw.DATABASE_URL!, poolSize: raw.DATABASE_POOL_SIZE ?? 10 },
    authSecret: raw.AUTH_SECRET,
    tokenTtlMinutes: raw.TOKEN_TTL_MINUTES ?? 720,
    demoSeed: (raw.DEMO_SEED ?? (production ? 'off' : 'auto')) === 'auto',
    demoPassword: raw.DEMO_PASSWORD,
    clock:
      (raw.CLOCK as AppConfigValues['clock'] | undefined) ??
      (embedded && !production ? 'adjustable' : 'system'),
    timeZone: raw.TIME_ZONE ?? 'Asia/Shanghai',
    timerPollMs: raw.TIMER_POLL_MS ?? 1000,
  });
}
