import { plainToInstance, Transform } from 'class-transformer';
import {
  getMetadataStorage,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MinLength,
  Min,
  validateSync,
  ValidationError,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  if (['true', '1', 'yes'].includes(value.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(value.toLowerCase())) return false;
  return value;
};
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Variables whose values must never be logged or echoed back. */
export const SECRET_VARIABLES = [
  'JWT_SECRET',
  'DATABASE_URL',
  'REDIS_URL',
  'SMTP_URL',
  'LIVEKIT_API_SECRET',
] as const;

/**
 * Every environment variable Hearth reads, typed and validated once at boot.
 * `.env.example` documents each one; keep the two in step.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsString()
  HOST = '127.0.0.1';

  /** 0 picks a free port (tests). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HEALTH_PORT = 3001;

  /**
   * Behind a reverse proxy: `true` (trust X-Forwarded-For from any hop) or the proxies'
   * addresses or CIDR ranges separated by commas. Client addresses drive the login rate limits.
   */
  @Matches(/^(true|false|[\d.:a-fA-F/, ]+)$/, {
    message: 'TRUST_PROXY must be true, false or a list of proxy addresses',
  })
  TRUST_PROXY = 'false';

  /**
   * Base address people reach the web pages at; used in e-mailed links. Unset, it is
   * `http://localhost:<PORT>`.
   */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_URL = 'http://localhost:3000';

  @Matches(/^postgres(ql)?:\/\/.+/, {
    message: 'DATABASE_URL must be a postgres:// connection string',
  })
  DATABASE_URL!: string;

  @Transform(toBool)
  @IsBoolean()
  MIGRATIONS_RUN = true;

  /** With it the queues live in Redis; without it in BullMQ's PostgreSQL backend. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// address' })
  REDIS_URL?: string;

  /** Namespace of the queues' keys, so several deployments (or test runs) can share one Redis. */
  @Matches(/^[a-z0-9-]+$/, { message: 'QUEUE_PREFIX may hold only a-z, 0-9 and -' })
  QUEUE_PREFIX = 'hearth';

  /**
   * How long a worker holds a job before others may take it over as stalled (a crashed worker's
   * jobs are retried after about this long).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  QUEUE_LOCK_DURATION_MS = 30_000;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  INVITATION_TTL_HOURS = 168;

  /** Login and register attempts allowed per client address per minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT_PER_MINUTE = 10;

  /** How long a password-reset link works. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(24 * 60)
  PASSWORD_RESET_TTL_MINUTES = 30;

  /** Wrong passwords for one account before its logins are held back. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_FAILURE_THRESHOLD = 5;

  /** Failures are forgotten after this long without one. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  LOGIN_FAILURE_WINDOW_MINUTES = 15;

  /** The first hold-back; it doubles with each further failure up to LOGIN_BACKOFF_MAX_SECONDS. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  LOGIN_BACKOFF_BASE_SECONDS = 30;

  /** Capped low, so nobody can lock the owner out of an account for long. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  LOGIN_BACKOFF_MAX_SECONDS = 300;

  /** Without it e-mail is written as .eml files to MAIL_OUTBOX_DIR instead of being sent. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// address' })
  SMTP_URL?: string;

  @IsString()
  MAIL_OUTBOX_DIR = '.data/outbox';

  @IsString()
  @Matches(/^(.+<)?[^\s<>]+@[^\s<>]+>?$/, { message: 'MAIL_FROM must be an address' })
  MAIL_FROM = 'Hearth <no-reply@hearth.localhost>';

  /** LiveKit's server API as the api and worker reach it (http:// or https://). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^(https?|wss?):\/\/.+/, {
    message: 'LIVEKIT_URL must be an http(s):// or ws(s):// address',
  })
  LIVEKIT_URL?: string;

  /** LiveKit as browsers reach it (ws:// or wss://); defaults to LIVEKIT_URL. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^(https?|wss?):\/\/.+/, {
    message: 'LIVEKIT_PUBLIC_URL must be an http(s):// or ws(s):// address',
  })
  LIVEKIT_PUBLIC_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(3, { message: 'LIVEKIT_API_KEY must be at least 3 characters' })
  LIVEKIT_API_KEY?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'LIVEKIT_API_SECRET must be at least 32 characters' })
  LIVEKIT_API_SECRET?: string;

  /** How long before a session its measures (PHQ-9, GAD-7) open for the group's members. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(336)
  MEASURE_REQUEST_LEAD_HOURS = 48;

  /** How long before a session starts people may join it. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(120)
  VIDEO_JOIN_EARLY_MINUTES = 15;

  /** Lifetime of a join token: it only has to last until the browser connects. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  VIDEO_TOKEN_TTL_MINUTES = 10;

  /** The room is created this long before a session starts (at least the join window). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(240)
  ROOM_OPEN_LEAD_MINUTES = 20;

  /** The room is closed this long after a session's scheduled end. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(240)
  ROOM_CLOSE_GRACE_MINUTES = 15;

  /** At least this share of the session, in percent, counts as present. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  ATTENDANCE_PRESENT_PERCENT = 75;

  /** After this many absences in a row, the lead facilitator is told. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  ATTENDANCE_FOLLOW_UP_ABSENCES = 2;

  /** How often a live room is compared with LiveKit's participant list. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3600)
  ATTENDANCE_RECONCILE_SECONDS = 300;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';
}

const LIVEKIT_REQUIRED = ['LIVEKIT_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET'] as const;

/** Rules between variables: LiveKit is configured completely or not at all, and so on. */
function crossFieldErrors(config: AppConfig): ValidationError[] {
  const errors: ValidationError[] = [];
  const given = LIVEKIT_REQUIRED.filter((name) => config[name] !== undefined);
  if (given.length > 0 && given.length < LIVEKIT_REQUIRED.length) {
    for (const name of LIVEKIT_REQUIRED.filter((n) => config[n] === undefined)) {
      errors.push(
        Object.assign(new ValidationError(), {
          property: name,
          constraints: { required: `${name} is required when ${given.join(', ')} is set` },
        }),
      );
    }
  }
  if (config.ROOM_OPEN_LEAD_MINUTES < config.VIDEO_JOIN_EARLY_MINUTES) {
    errors.push(
      Object.assign(new ValidationError(), {
        property: 'ROOM_OPEN_LEAD_MINUTES',
        constraints: {
          min: 'ROOM_OPEN_LEAD_MINUTES must not be below VIDEO_JOIN_EARLY_MINUTES: the room must exist when joining opens',
        },
      }),
    );
  }
  return errors;
}

/** Whether LiveKit is configured; without it the platform runs and joining answers 503. */
export function videoConfigured(config: AppConfig): config is AppConfig & {
  LIVEKIT_URL: string;
  LIVEKIT_API_KEY: string;
  LIVEKIT_API_SECRET: string;
} {
  return LIVEKIT_REQUIRED.every((name) => config[name] !== undefined);
}

/** TRUST_PROXY in the form Fastify's `trustProxy` option takes. */
export function trustProxySetting(config: AppConfig): boolean | string[] {
  if (config.TRUST_PROXY === 'true' || config.TRUST_PROXY === 'false') {
    return config.TRUST_PROXY === 'true';
  }
  return config.TRUST_PROXY.split(',').map((address) => address.trim());
}

export class ConfigValidationError extends Error {
  constructor(
    readonly variables: string[],
    details: string[],
  ) {
    super(`Invalid configuration: ${details.join('; ')}`);
    this.name = 'ConfigValidationError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.map((e) => {
    const reasons = Object.values(e.constraints ?? {});
    return reasons.length ? reasons.join(', ') : `${e.property} is invalid`;
  });
}

/**
 * Reads and validates the environment. Throws a {@link ConfigValidationError} naming every
 * wrong or missing variable; never includes a secret's value in the message.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(AppConfig, '', true, false)
      .map((m) => m.propertyName),
  );
  const input = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => value !== undefined && known.has(key)),
  );
  const config = plainToInstance(AppConfig, input, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  errors.push(...crossFieldErrors(config));
  if (errors.length > 0) {
    throw new ConfigValidationError(
      errors.map((e) => e.property),
      describe(errors),
    );
  }
  // E-mailed links follow the port the api listens on, unless PUBLIC_URL says otherwise.
  if (!env.PUBLIC_URL && config.PORT !== 0) config.PUBLIC_URL = `http://localhost:${config.PORT}`;
  return config;
}
