import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsString, MaxLength } from 'class-validator';
import type {
  AuthenticationResponseJSON,
  PasskeyView,
  RegistrationResponseJSON,
} from '@cohesion/application';
import { IfPresent } from '../validation/dto-validators';

/** Credential ids are base64url, as long as an authenticator makes them. */
export const CREDENTIAL_ID = /^[A-Za-z0-9_-]{1,1400}$/;

const WEBAUTHN_JSON =
  'What the browser’s WebAuthn call answered, as JSON (PublicKeyCredential.toJSON(), or ' +
  '@simplewebauthn/browser): id, rawId, type, response, clientExtensionResults';

export class PasskeyRegistrationDto {
  @ApiProperty({ description: `${WEBAUTHN_JSON} (navigator.credentials.create)`, type: Object })
  @IsObject()
  credential!: RegistrationResponseJSON;

  @ApiPropertyOptional({ description: 'A name for the passkey', example: 'work laptop' })
  @IfPresent()
  @IsString()
  @MaxLength(100)
  label?: string;
}

export class PasskeyAuthenticationDto {
  @ApiProperty({ description: `${WEBAUTHN_JSON} (navigator.credentials.get)`, type: Object })
  @IsObject()
  credential!: AuthenticationResponseJSON;
}

export class PasskeyDocument implements PasskeyView {
  @ApiProperty({ description: 'The credential id (base64url)' })
  credentialId!: string;
  @ApiProperty({ example: 'work laptop' })
  label!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  lastUsedAt!: string | null;
}

/** The options to pass to navigator.credentials.create() or .get(), as JSON. */
export class WebAuthnOptionsDocument {
  @ApiProperty({ description: 'The challenge to sign (base64url): valid 5 minutes, once' })
  challenge!: string;
}
