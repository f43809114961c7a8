import { IsOptional, Matches } from 'class-validator';
import { PublicFeedbackSettings } from './public-feedback-settings';

/**
 * Where the master key that wraps the data subjects' keys comes from (see
 * `@cohesion/personal-data`): the key itself, or a file holding it (mode 0600); when neither is
 * set, `<data directory>/master.key`, generated on first use. Secrets: never printed.
 */
export class PersonalDataSettings extends PublicFeedbackSettings {
  /** The base64 of 32 random bytes (`openssl rand -base64 32`). */
  @IsOptional()
  @Matches(/^\s*[A-Za-z0-9+/]{43}=\s*$/, {
    message: 'LEDGER_MASTER_KEY must be the base64 of 32 bytes (openssl rand -base64 32)',
  })
  LEDGER_MASTER_KEY?: string;

  /** A file holding the master key's base64 text, readable by the ledger's user only. */
  @IsOptional()
  LEDGER_MASTER_KEY_FILE?: string;
}
