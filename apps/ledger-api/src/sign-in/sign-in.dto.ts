import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { LinkHolderView, SessionView } from '@cohesion/application';
import { MAX_PASSWORD_LENGTH } from '@cohesion/application';
import { PersonIdentityDocument } from '../people/people.dto';

/** The header that carries an invitation or reset link's token to the GET routes. */
export const LINK_TOKEN_HEADER = 'x-link-token';
const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export class PasswordSignInDto {
  @ApiProperty({ example: 'ana@acme.example' })
  @IsString()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple', format: 'password' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH * 4)
  password!: string;
}

/** A link's token (from the `#token=` of the link) and the password the person chooses. */
export class SetPasswordDto {
  @ApiProperty({
    description: 'The token of the link: what follows `#token=` in the link the person was given',
    example: 'kq3J2vR0x7-6n0m0nQm1bqv7WcI9W1rT9yq7m3o0c2A',
  })
  @IsString()
  @Matches(LINK_TOKEN, { message: 'token must be the 43-character token of the link' })
  token!: string;

  @ApiProperty({
    description:
      'At least 12 characters, at most 256; not among the most common passwords, and without ' +
      'the person’s name or e-mail. No rule on character classes: a few words make a good one.',
    example: 'correct horse battery staple',
    format: 'password',
    minLength: 12,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_PASSWORD_LENGTH * 4)
  password!: string;
}

export class SessionDocument extends PersonIdentityDocument implements SessionView {
  @ApiProperty({
    description:
      'Send it back in the X-CSRF-Token header of every POST, PUT or DELETE made with the session cookie',
  })
  csrfToken!: string;
  @ApiProperty({ enum: ['password', 'passkey', 'oidc', 'invitation'] })
  method!: SessionView['method'];
  @ApiProperty({ format: 'date-time' })
  signedInAt!: string;
  @ApiProperty({
    format: 'date-time',
    description: 'The session ends then at the latest; earlier after 30 minutes unused',
  })
  expiresAt!: string;
  @ApiProperty({
    example: 'Europe/Paris',
    description:
      'The ledger’s time zone (LEDGER_TIME_ZONE), where the partnerships are: today is the day ' +
      'there, for the dates an act may take and the reports of the present',
  })
  timeZone!: string;
}

export class LinkHolderDocument extends PersonIdentityDocument implements LinkHolderView {
  @ApiProperty({ format: 'date-time', description: 'The link stops working then' })
  expiresAt!: string;
}

class OidcMethodDocument {
  @ApiProperty({ description: 'Whether GET /auth/oidc/start signs people in' })
  enabled!: boolean;
  @ApiProperty({ example: 'Ville de Montclair', description: 'For “Sign in with …”' })
  displayName!: string;
}

export class SignInMethodsDocument {
  @ApiProperty({ example: true })
  password!: boolean;
  @ApiProperty({ example: true })
  passkeys!: boolean;
  @ApiProperty({ type: OidcMethodDocument })
  oidc!: OidcMethodDocument;
}

export class SignedOutEverywhereDocument {
  @ApiProperty({ example: 3 })
  endedSessions!: number;
}
