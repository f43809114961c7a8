import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsTimeZone,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';
import { RetentionSettings } from './retention-settings';

/** A boolean setting is written `true` or `false`; unset means its default. */
const booleanSetting = (defaultValue: boolean) =>
  Transform(({ value }: { value: unknown }) => {
    if (value === undefined) return defaultValue;
    return value === 'true' || value === 'false' ? value === 'true' : value;
  });

/** Settings whose values are never printed, even when refused. */
const SECRETS = new Set([
  'LEDGER_JWT_PRIVATE_KEY',
  'LEDGER_TREE_HEAD_PRIVATE_KEY',
  'LEDGER_OIDC_CLIENT_SECRET',
  'LEDGER_SMTP_URL',
  'LEDGER_PUBLIC_FEEDBACK_FORM_KEY',
  'LEDGER_MASTER_KEY',
]);

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A trusted proxy: a named range, an IPv4 or IPv6 address, or a subnet. */
const PROXY = String.raw`(loopback|linklocal|uniquelocal|\d{1,3}(\.\d{1,3}){3}(/\d{1,2})?|[0-9a-fA-F]*:[0-9a-fA-F:.]*(/\d{1,3})?)`;
const TRUSTED_PROXIES = new RegExp(String.raw`^([1-9]|${PROXY}(\s*,\s*${PROXY})*)$`);

/** The ledger's settings, read from the environment and validated once at start-up. */
export class LedgerConfig extends RetentionSettings {
  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(1, { message: 'PORT must be between 1 and 65535' })
  @Max(65535, { message: 'PORT must be between 1 and 65535' })
  PORT = 3000;

  /** Where the embedded store, this node's read models (and, later, keys) live. */
  @IsNotEmpty({ message: 'LEDGER_DATA_DIR must not be empty' })
  LEDGER_DATA_DIR = './data';

  /** The built web app the API serves under /app (relative to the working directory). */
  @IsNotEmpty({ message: 'LEDGER_WEB_DIR must not be empty' })
  LEDGER_WEB_DIR = 'apps/ledger-web/dist';

  /** When set, events go to EventStoreDB instead of the embedded SQLite file. */
  @IsOptional()
  @Matches(/^esdb(\+discover)?:\/\/\S+$/, {
    message:
      'EVENTSTORE_CONNECTION_STRING must look like esdb://host:2113 or esdb+discover://host:2113',
  })
  EVENTSTORE_CONNECTION_STRING?: string;

  /** Whether a command answers only once the read models include it (read-your-writes). */
  @booleanSetting(true)
  @IsBoolean({ message: 'LEDGER_COMMANDS_AWAIT_READ_MODELS must be true or false' })
  LEDGER_COMMANDS_AWAIT_READ_MODELS = true;

  /** How long a command or a query with a minimum position waits for the read models. */
  @Transform(({ value }) => (value === undefined || value === '' ? 5000 : Number(value)))
  @IsInt({ message: 'LEDGER_READ_MODEL_WAIT_MS must be a whole number of milliseconds' })
  @Min(0, { message: 'LEDGER_READ_MODEL_WAIT_MS must be between 0 and 60000' })
  @Max(60000, { message: 'LEDGER_READ_MODEL_WAIT_MS must be between 0 and 60000' })
  LEDGER_READ_MODEL_WAIT_MS = 5000;

  /**
   * Development only: take the principal from x-ledger-actor / x-ledger-partner-id /
   * x-ledger-roles headers instead of a bearer token. Never enable it where people rely on it.
   */
  @booleanSetting(false)
  @IsBoolean({ message: 'LEDGER_DEV_PRINCIPAL_HEADERS must be true or false' })
  LEDGER_DEV_PRINCIPAL_HEADERS = false;

  /** The `iss` every accepted token must carry (and local tokens are issued with). */
  @IsNotEmpty({ message: 'LEDGER_JWT_ISSUER must not be empty' })
  LEDGER_JWT_ISSUER = 'cohesion-ledger';

  /** The `aud` every accepted token must carry (and local tokens are issued with). */
  @IsNotEmpty({ message: 'LEDGER_JWT_AUDIENCE must not be empty' })
  LEDGER_JWT_AUDIENCE = 'cohesion-ledger-api';

  /**
   * The local token-signing key (an Ed25519 private key in PEM). When unset, one is generated on
   * first start into the data directory. Secret: never logged.
   */
  @IsOptional()
  @Matches(/-----BEGIN PRIVATE KEY-----/, {
    message: 'LEDGER_JWT_PRIVATE_KEY must be a PEM private key (-----BEGIN PRIVATE KEY-----)',
  })
  LEDGER_JWT_PRIVATE_KEY?: string;

  /**
   * The key that signs tree heads (an Ed25519 private key in PEM). A key of its own, not the
   * token key: partners keep trusting old tree heads whatever happens to authentication. When
   * unset, one is generated on first start into the data directory. Secret: never logged.
   */
  @IsOptional()
  @Matches(/-----BEGIN PRIVATE KEY-----/, {
    message: 'LEDGER_TREE_HEAD_PRIVATE_KEY must be a PEM private key (-----BEGIN PRIVATE KEY-----)',
  })
  LEDGER_TREE_HEAD_PRIVATE_KEY?: string;

  /**
   * Trust an external OpenID Connect provider instead of the local key: the URL of its JWKS
   * (issuer and audience are checked against LEDGER_JWT_ISSUER and LEDGER_JWT_AUDIENCE).
   */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'LEDGER_OIDC_JWKS_URL must be an http(s) URL' })
  LEDGER_OIDC_JWKS_URL?: string;

  /** Requests one client (IP address) may make per minute before 429. */
  @Transform(({ value }) => (value === undefined || value === '' ? 600 : Number(value)))
  @IsInt({ message: 'LEDGER_RATE_LIMIT_PER_MINUTE must be a whole number' })
  @Min(1, { message: 'LEDGER_RATE_LIMIT_PER_MINUTE must be between 1 and 1000000' })
  @Max(1_000_000, { message: 'LEDGER_RATE_LIMIT_PER_MINUTE must be between 1 and 1000000' })
  LEDGER_RATE_LIMIT_PER_MINUTE = 600;

  /**
   * Which proxies in front of the ledger are believed about the client's address
   * (X-Forwarded-For), for per-client limits: a number of hops, or comma-separated addresses and
   * subnets (`loopback`, `uniquelocal`, `10.0.0.0/8`…), as Express's `trust proxy`. Unset, none
   * is: the connection's address is the client's. `true` (believe anyone) is refused.
   */
  @IsOptional()
  @Matches(TRUSTED_PROXIES, {
    message:
      'LEDGER_TRUST_PROXY must be a number of hops (1-9) or comma-separated addresses or subnets (loopback, uniquelocal, 10.0.0.0/8…)',
  })
  LEDGER_TRUST_PROXY?: string;

  /** Largest request body accepted, in KiB (413 above). */
  @Transform(({ value }) => (value === undefined || value === '' ? 256 : Number(value)))
  @IsInt({ message: 'LEDGER_BODY_LIMIT_KB must be a whole number' })
  @Min(1, { message: 'LEDGER_BODY_LIMIT_KB must be between 1 and 10240' })
  @Max(10240, { message: 'LEDGER_BODY_LIMIT_KB must be between 1 and 10240' })
  LEDGER_BODY_LIMIT_KB = 256;

  /** Origins allowed by CORS, comma-separated; empty (the default) allows none. */
  @IsOptional()
  @Matches(/^(https?:\/\/[^,\s]+)(,https?:\/\/[^,\s]+)*$/, {
    message: 'LEDGER_CORS_ORIGINS must be comma-separated http(s) origins',
  })
  LEDGER_CORS_ORIGINS?: string;

  /**
   * Where the partnerships are (an IANA time zone): a command's "today", the default day its act
   * took effect, and the latest day any act may be dated, are calendar days there.
   */
  @IsTimeZone({ message: 'LEDGER_TIME_ZONE must be an IANA time zone such as Europe/Paris' })
  LEDGER_TIME_ZONE = 'Europe/Paris';

  /** An act dated more than this many days before it is recorded is back-filled: it says why. */
  @Transform(({ value }) => (value === undefined || value === '' ? 7 : Number(value)))
  @IsInt({ message: 'LEDGER_BACKFILL_AFTER_DAYS must be a whole number of days' })
  @Min(0, { message: 'LEDGER_BACKFILL_AFTER_DAYS must be between 0 and 366' })
  @Max(366, { message: 'LEDGER_BACKFILL_AFTER_DAYS must be between 0 and 366' })
  LEDGER_BACKFILL_AFTER_DAYS = 7;

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';
}

/** For `ConfigModule.forRoot({ validate })`: the typed settings, or one error naming every bad value. */
export function validateLedgerConfig(environment: Record<string, unknown>): LedgerConfig {
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const config = plainToInstance(LedgerConfig, present);
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const reasons = errors.map((error) => {
      const messages = [...new Set(Object.values(error.constraints ?? {}))].join('; ');
      const got = SECRETS.has(error.property)
        ? 'a value that is not shown'
        : JSON.stringify(environment[error.property]);
      return `  - ${messages} (got ${got})`;
    });
    throw new Error(`Invalid ledger configuration:\n${reasons.join('\n')}`);
  }
  return config;
}
