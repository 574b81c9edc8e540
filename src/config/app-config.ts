import { availableParallelism } from 'node:os';
import { isIP } from 'node:net';
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
  @IsOptional() @IsInt() @Min(1) @Max(1000) TIMER_BATCH_SIZE?: number;
  @IsOptional() @IsInt() @Min(1) @Max(16) TIMER_WORKERS?: number;
  @IsOptional() @IsInt() @Min(1) @Max(100) DATABASE_POOL_SIZE?: number;
  @IsOptional() @IsIn(['on', 'off']) DATABASE_PREPARED_STATEMENTS?: string;
  @IsOptional() @IsInt() @Min(1) @Max(64) APP_PROCESSES?: number;
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_READ_URL must be a postgres:// URL' })
  DATABASE_READ_URL?: string;
  @IsOptional() @IsInt() @Min(1) @Max(3600) DATABASE_READ_MAX_LAG_SECONDS?: number;
  @IsOptional()
  @Matches(/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/, {
    message: "PUBLIC_URL must be the site's http(s) address, e.g. https://cunwu.example.gov.cn",
  })
  PUBLIC_URL?: string;
  @IsOptional()
  @Matches(/^(false|\d{1,2}|[\w.:/,\s-]+)$/, {
    message: 'TRUST_PROXY must be false, a number of proxies, or addresses (e.g. loopback, 10.0.0.0/8)',
  })
  TRUST_PROXY?: string;
  @IsOptional() @IsIn(['json', 'text']) LOG_FORMAT?: string;
  @IsOptional() @IsString() @MinLength(16) METRICS_TOKEN?: string;
  @IsOptional() @IsInt() @Min(1) @Max(1000000) PUBLIC_RATE_LIMIT?: number;
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;
  @IsOptional()
  @Matches(/^[^\s@]+@[^\s@]+$/, { message: 'MAIL_FROM must be an email address' })
  MAIL_FROM?: string;
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: "SMS_API_URL must be the SMS provider's http(s) address" })
  SMS_API_URL?: string;
  @IsOptional() @IsString() @MinLength(8) SMS_API_KEY?: string;
  @IsOptional() @IsInt() @Min(1) @Max(28) BULLETIN_DAY?: number;
  @IsOptional() @IsInt() @Min(1) @Max(1000000) ANONYMOUS_COMPLAINTS_PER_HOUR?: number;
}

export interface NotificationSettings {
  smtpUrl?: string;
  mailFrom: string;
  smsApiUrl?: string;
  smsApiKey?: string;
  bulletinDay: number;
}

export type DatabaseTarget =
  | {
      kind: 'postgres';
      url: string;
      poolSize: number;
      /** Off behind a transaction-mode pooler (PgBouncer), where a named statement may meet another session. */
      namedStatements?: boolean;
    }
  | { kind: 'pglite'; dataDir: string };

/** The validated configuration; the class is its own injection token. */
export class AppConfig {
  readonly production!: boolean;
  readonly port!: number;
  readonly database!: DatabaseTarget;
  /**
   * A streaming replica of `database` that the public pages, feeds and chain checks read from while it
   * answers and is no further behind than `maxLagSeconds`; absent: everything reads the primary.
   */
  readonly readReplica?: { url: string; maxLagSeconds: number };
  /** How many app processes `npm run start:cluster` runs behind one port (one per core by default). */
  readonly appProcesses!: number;
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
  /**
   * How many due timers one transaction claims and delivers: fewer commits and claims per timer, at the
   * price of holding the batch's matters locked until the last of it is delivered.
   */
  readonly timerBatchSize!: number;
  /**
   * How many batches one process delivers at once, each on a connection of its own: a batch spends most
   * of its time waiting on the database, so a second keeps the process busy meanwhile. Batches never
   * share a village (see `TimerRepository.claimDue`). One on the embedded database, which has a single
   * connection.
   */
  readonly timerWorkers!: number;
  /** The site's address as people reach it (behind the TLS proxy): links in feeds are built on it. */
  readonly publicUrl!: string;
  /**
   * Express's `trust proxy`: which proxies' X-Forwarded-For and -Proto to believe, so that the client's
   * address (login throttling) and https (the cookie's Secure flag) are seen through them.
   */
  readonly trustProxy!: false | number | string;
  readonly logFormat!: 'json' | 'text';
  /** When set, `/api/metrics` answers only to `Authorization: Bearer <METRICS_TOKEN>`. */
  readonly metricsToken?: string;
  /** Requests a minute one address may make to the pages and API that need no login. */
  readonly publicRateLimit!: number;
  /** Anonymous complaints one address may file in an hour (a household's worth, not a flood). */
  readonly anonymousComplaintsPerHour!: number;
  /**
   * Where the monthly bulletin goes out: an SMTP server for email, an SMS provider's HTTP API (both
   * optional: a channel without one keeps its messages waiting), and the day of the month it is sent.
   */
  readonly notifications!: NotificationSettings;

  constructor(values: AppConfigValues) {
    Object.assign(this, values);
  }
}

export type AppConfigValues = Omit<AppConfig, never>;

export class ConfigError extends Error {}

const numeric = (value: string | undefined) =>
  value === undefined || value === '' ? undefined : Number(value);

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address or range Express's proxy-addr accepts (it throws at the first request on anything else). */
const isProxyAddress = (entry: string) => {
  const [address, bits, extra] = entry.split('/');
  if (NAMED_RANGES.has(entry)) return true;
  if (extra !== undefined || isIP(address) === 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128));
};

/**
 * `false`, a number of proxies, or the proxies' addresses. Not `true`: that would believe any
 * X-Forwarded-For a client writes, and its address is what login throttling and rate limits count.
 */
const trustProxyOf = (value: string | undefined): false | number | string => {
  const setting = value?.trim() ?? 'false';
  if (setting === 'false' || setting === '') return false;
  if (/^\d+$/.test(setting)) return Number(setting);
  const entries = setting.split(',').map((entry) => entry.trim());
  const wrong = entries.filter((entry) => !isProxyAddress(entry));
  if (wrong.length > 0) {
    throw new ConfigError(
      `Invalid configuration:\n  TRUST_PROXY must be false, a number of proxies, or proxy addresses ` +
        `(loopback, 10.0.0.0/8, …); not ${wrong.join(', ')}`,
    );
  }
  return entries.join(',');
};

export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const raw = plainToInstance(EnvironmentVariables, {
    ...env,
    PORT: numeric(env.PORT),
    TOKEN_TTL_MINUTES: numeric(env.TOKEN_TTL_MINUTES),
    TIMER_POLL_MS: numeric(env.TIMER_POLL_MS),
    TIMER_BATCH_SIZE: numeric(env.TIMER_BATCH_SIZE),
    TIMER_WORKERS: numeric(env.TIMER_WORKERS),
    DATABASE_POOL_SIZE: numeric(env.DATABASE_POOL_SIZE),
    DATABASE_READ_MAX_LAG_SECONDS: numeric(env.DATABASE_READ_MAX_LAG_SECONDS),
    APP_PROCESSES: numeric(env.APP_PROCESSES),
    PUBLIC_RATE_LIMIT: numeric(env.PUBLIC_RATE_LIMIT),
    BULLETIN_DAY: numeric(env.BULLETIN_DAY),
    ANONYMOUS_COMPLAINTS_PER_HOUR: numeric(env.ANONYMOUS_COMPLAINTS_PER_HOUR),
  });
  const errors = validateSync(raw, { whitelist: true, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((error) => Object.values(error.constraints ?? {}));
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const production = raw.NODE_ENV === 'production';
  const embedded = !raw.DATABASE_URL;
  const missingInProduction = production
    ? [
        ...(embedded ? ['DATABASE_URL is required when NODE_ENV=production'] : []),
        // Feed links, the cross-site check's own origin and the CSP's https upgrade come from it: a silent
        // localhost would publish dead links and refuse the site's own forms.
        ...(raw.PUBLIC_URL
          ? []
          : ['PUBLIC_URL is required when NODE_ENV=production (e.g. https://cunwu.example.gov.cn)']),
      ]
    : [];
  if (missingInProduction.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  ${missingInProduction.join('\n  ')}`);
  }
  if (raw.DATABASE_READ_URL && embedded) {
    throw new ConfigError(
      'Invalid configuration:\n  DATABASE_READ_URL needs DATABASE_URL (a replica of that server)',
    );
  }
  return new AppConfig({
    production,
    port: raw.PORT ?? 3000,
    database: embedded
      ? { kind: 'pglite', dataDir: resolve(raw.PGLITE_DATA_DIR ?? 'data/pglite') }
      : {
          kind: 'postgres',
          url: raw.DATABASE_URL!,
          poolSize: raw.DATABASE_POOL_SIZE ?? 10,
          namedStatements: (raw.DATABASE_PREPARED_STATEMENTS ?? 'on') === 'on',
        },
    ...(raw.DATABASE_READ_URL
      ? {
          readReplica: {
            url: raw.DATABASE_READ_URL,
            maxLagSeconds: raw.DATABASE_READ_MAX_LAG_SECONDS ?? 5,
          },
        }
      : {}),
    appProcesses: raw.APP_PROCESSES ?? availableParallelism(),
    authSecret: raw.AUTH_SECRET,
    tokenTtlMinutes: raw.TOKEN_TTL_MINUTES ?? 720,
    demoSeed: (raw.DEMO_SEED ?? (production ? 'off' : 'auto')) === 'auto',
    demoPassword: raw.DEMO_PASSWORD,
    clock:
      (raw.CLOCK as AppConfigValues['clock'] | undefined) ??
      (embedded && !production ? 'adjustable' : 'system'),
    timeZone: raw.TIME_ZONE ?? 'Asia/Shanghai',
    timerPollMs: raw.TIMER_POLL_MS ?? 1000,
    timerBatchSize: raw.TIMER_BATCH_SIZE ?? 50,
    timerWorkers: raw.TIMER_WORKERS ?? 2,
    publicUrl: (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT ?? 3000}`).replace(/\/+$/, ''),
    trustProxy: trustProxyOf(raw.TRUST_PROXY),
    logFormat: (raw.LOG_FORMAT as AppConfigValues['logFormat'] | undefined) ?? 'json',
    metricsToken: raw.METRICS_TOKEN,
    publicRateLimit: raw.PUBLIC_RATE_LIMIT ?? 300,
    anonymousComplaintsPerHour: raw.ANONYMOUS_COMPLAINTS_PER_HOUR ?? 10,
    notifications: {
      smtpUrl: raw.SMTP_URL,
      mailFrom: raw.MAIL_FROM ?? 'cunwu@localhost',
      smsApiUrl: raw.SMS_API_URL,
      smsApiKey: raw.SMS_API_KEY,
      bulletinDay: raw.BULLETIN_DAY ?? 5,
    },
  });
}
