import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, Matches, Max, Min } from 'class-validator';

/** A whole-number setting with a default and bounds, its message naming it. */
export const wholeNumber = (name: string, defaultValue: number, min: number, max: number) => {
  const message = `${name} must be a whole number between ${min} and ${max}`;
  return [
    Transform(({ value }) => (value === undefined || value === '' ? defaultValue : Number(value))),
    IsInt({ message }),
    Min(min, { message }),
    Max(max, { message }),
  ];
};
export const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorator of decorators) decorator(target, key);
  };

export const OIDC_MATCHES = ['email', 'subject'] as const;
export type OidcMatch = (typeof OIDC_MATCHES)[number];

/**
 * The settings of people's sign-in (sessions, links, throttling, OpenID Connect), kept apart from
 * the rest of the ledger's settings; `LedgerConfig` extends it.
 */
export class SignInSettings {
  /**
   * Where people reach the ledger in a browser: the origin of invitation and reset links, of the
   * OpenID Connect redirect, and the only origin allowed to write with a session cookie.
   */
  @Matches(/^https?:\/\/[^/\s?#]+$/, {
    message:
      'LEDGER_PUBLIC_ORIGIN must be an origin: scheme and host, e.g. https://ledger.example.org',
  })
  LEDGER_PUBLIC_ORIGIN = 'http://localhost:3000';

  /**
   * When set (e.g. `smtp://user:password@mail.example.org:587`, `smtps://…`), invitation and
   * password-reset links are also sent by e-mail to the person. Secret: never logged.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, {
    message: 'LEDGER_SMTP_URL must be an smtp:// or smtps:// URL',
  })
  LEDGER_SMTP_URL?: string;

  /** The sender of those e-mails. */
  @IsNotEmpty({ message: 'LEDGER_MAIL_FROM must not be empty' })
  LEDGER_MAIL_FROM = 'Cohesion Ledger <no-reply@localhost>';

  /** A session unused this long ends. */
  @apply(wholeNumber('LEDGER_SESSION_IDLE_MINUTES', 30, 1, 1440))
  LEDGER_SESSION_IDLE_MINUTES = 30;

  /** A session ends this long after sign-in, however much it is used. */
  @apply(wholeNumber('LEDGER_SESSION_ABSOLUTE_HOURS', 12, 1, 720))
  LEDGER_SESSION_ABSOLUTE_HOURS = 12;

  /** How long an invitation link stays valid. */
  @apply(wholeNumber('LEDGER_INVITATION_TTL_HOURS', 72, 1, 720))
  LEDGER_INVITATION_TTL_HOURS = 72;

  /** How long a password-reset link stays valid. */
  @apply(wholeNumber('LEDGER_PASSWORD_RESET_TTL_HOURS', 24, 1, 168))
  LEDGER_PASSWORD_RESET_TTL_HOURS = 24;

  /**
   * Failed sign-ins allowed for one e-mail before each further attempt must wait (1 s, doubling
   * up to 15 min); ten times as many from one address.
   */
  @apply(wholeNumber('LEDGER_SIGN_IN_FREE_ATTEMPTS', 5, 1, 1000))
  LEDGER_SIGN_IN_FREE_ATTEMPTS = 5;

  /** The OpenID Connect provider's issuer (discovery at `/.well-known/openid-configuration`). */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'LEDGER_OIDC_ISSUER_URL must be an http(s) URL' })
  LEDGER_OIDC_ISSUER_URL?: string;

  @IsOptional()
  @IsNotEmpty({ message: 'LEDGER_OIDC_CLIENT_ID must not be empty' })
  LEDGER_OIDC_CLIENT_ID?: string;

  /** The client secret at the provider. Secret: never logged. */
  @IsOptional()
  LEDGER_OIDC_CLIENT_SECRET?: string;

  /** How a signed-in identity is matched to a person: by e-mail, or by the provider's subject. */
  @IsIn(OIDC_MATCHES, { message: 'LEDGER_OIDC_MATCH_BY must be email or subject' })
  LEDGER_OIDC_MATCH_BY: OidcMatch = 'email';

  /** The provider's name on the sign-in page ("Sign in with …"). */
  @IsNotEmpty({ message: 'LEDGER_OIDC_DISPLAY_NAME must not be empty' })
  LEDGER_OIDC_DISPLAY_NAME = 'your organisation';
}
