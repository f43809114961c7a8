import { IsOptional, MinLength } from 'class-validator';
import { apply, SignInSettings, wholeNumber } from './sign-in-settings';

/**
 * The settings of the public feedback form (no account needed): what bounds the writes that
 * unauthenticated clients may cause. `LedgerConfig` extends it.
 */
export class PublicFeedbackSettings extends SignInSettings {
  /** Submissions of the public form one client address may make per hour (429 above). */
  @apply(wholeNumber('LEDGER_PUBLIC_FEEDBACK_PER_HOUR', 5, 1, 1000))
  LEDGER_PUBLIC_FEEDBACK_PER_HOUR = 5;

  /** Public-form submissions one partnership accepts per day (UTC), whoever sends them. */
  @apply(wholeNumber('LEDGER_PUBLIC_FEEDBACK_DAILY_CAP', 200, 1, 100_000))
  LEDGER_PUBLIC_FEEDBACK_DAILY_CAP = 200;

  /** A form sent back sooner than this after it was loaded is refused: people take longer. */
  @apply(wholeNumber('LEDGER_PUBLIC_FEEDBACK_MIN_FILL_SECONDS', 3, 0, 600))
  LEDGER_PUBLIC_FEEDBACK_MIN_FILL_SECONDS = 3;

  /**
   * The key that signs the public form's tokens (HMAC-SHA256). When unset, one is derived from
   * LEDGER_JWT_PRIVATE_KEY, or else drawn at each start (a form loaded before a restart must then
   * be reloaded, and replicas would not accept each other's). Secret: never logged.
   */
  @IsOptional()
  @MinLength(32, { message: 'LEDGER_PUBLIC_FEEDBACK_FORM_KEY must be at least 32 characters' })
  LEDGER_PUBLIC_FEEDBACK_FORM_KEY?: string;
}
