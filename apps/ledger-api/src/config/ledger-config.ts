import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';

/** How a boolean setting may be written; unset means the default (true). */
const BOOLEANS: Partial<Record<string, boolean>> = {
  undefined: true,
  '': true,
  true: true,
  false: false,
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The ledger's settings, read from the environment and validated once at start-up. */
export class LedgerConfig {
  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(1, { message: 'PORT must be between 1 and 65535' })
  @Max(65535, { message: 'PORT must be between 1 and 65535' })
  PORT = 3000;

  /** Where the embedded store, this node's read models (and, later, keys) live. */
  @IsNotEmpty({ message: 'LEDGER_DATA_DIR must not be empty' })
  LEDGER_DATA_DIR = './data';

  /** When set, events go to EventStoreDB instead of the embedded SQLite file. */
  @IsOptional()
  @Matches(/^esdb(\+discover)?:\/\/\S+$/, {
    message:
      'EVENTSTORE_CONNECTION_STRING must look like esdb://host:2113 or esdb+discover://host:2113',
  })
  EVENTSTORE_CONNECTION_STRING?: string;

  /** Whether a command answers only once the read models include it (read-your-writes). */
  @Transform(({ value }: { value: unknown }) => BOOLEANS[String(value)] ?? value)
  @IsBoolean({ message: 'LEDGER_COMMANDS_AWAIT_READ_MODELS must be true or false' })
  LEDGER_COMMANDS_AWAIT_READ_MODELS = true;

  /** How long a command or a query with a minimum position waits for the read models. */
  @Transform(({ value }) => (value === undefined || value === '' ? 5000 : Number(value)))
  @IsInt({ message: 'LEDGER_READ_MODEL_WAIT_MS must be a whole number of milliseconds' })
  @Min(0, { message: 'LEDGER_READ_MODEL_WAIT_MS must be between 0 and 60000' })
  @Max(60000, { message: 'LEDGER_READ_MODEL_WAIT_MS must be between 0 and 60000' })
  LEDGER_READ_MODEL_WAIT_MS = 5000;

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
      return `  - ${messages} (got ${JSON.stringify(environment[error.property])})`;
    });
    throw new Error(`Invalid ledger configuration:\n${reasons.join('\n')}`);
  }
  return config;
}
