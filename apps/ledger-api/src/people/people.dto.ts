import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  type MediatorView,
  PERSON_STATUSES,
  type PersonalTokenView,
  type PersonView,
} from '@cohesion/projections';
import { type Role, ROLES } from '@cohesion/application';
import { CommandResultDocument } from '../commands/api-command.decorator';
import { PageDocument } from '../queries/page-document';
import { PageQueryDto } from '../queries/read-model-query.dto';
import {
  IfPresent,
  IsOptionalLedgerId,
  IsOptionalReference,
  IsText,
} from '../validation/dto-validators';

const IsRoles = () => [
  ApiProperty({
    description:
      'Any of the roles; `partner` and `partner_admin` need a partner. A partner admin gives ' +
      'only `partner` and `partner_admin`, to its own partner’s staff',
    enum: ROLES,
    isArray: true,
    example: ['partner'],
  }),
  IsArray(),
  ArrayMaxSize(ROLES.length),
  IsIn(ROLES, { each: true }),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorator of decorators) decorator(target, key);
  };

export class InvitePersonDto {
  @IsOptionalLedgerId('The person id: the `sub` of everything they do')
  personId?: string;

  @IsText(
    'The name shown for the person (personal data: kept in their own stream only)',
    'Ana Ruiz',
    200,
  )
  displayName!: string;

  @ApiProperty({
    example: 'ana@acme.example',
    description: 'Where the person is reached; signs in with it',
  })
  @IsString()
  @MaxLength(320)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email!: string;

  @IsOptionalReference(
    'The partner the person acts for (none for admins, mediators, auditors)',
    'acme',
  )
  partnerId?: string;

  @apply(IsRoles())
  roles!: Role[];

  @ApiPropertyOptional({
    description:
      'The person’s subject (`sub`) at the organisation’s identity provider, when OpenID Connect ' +
      'matches people by subject (LEDGER_OIDC_MATCH_BY=subject)',
    example: 'f1c2a4e0-5b6d-4c3e-9a8b-7d6e5f4a3b2c',
  })
  @IfPresent()
  @IsString()
  @Matches(/^[\x21-\x7e]{1,255}$/, {
    message: 'identityProviderSubject must be 1-255 visible ASCII characters',
  })
  identityProviderSubject?: string;
}

export class ChangeRolesDto {
  @apply(IsRoles())
  roles!: Role[];
}

export class PersonStatusReasonDto {
  @IsText('Why', 'Left the foundation in March', 500)
  reason!: string;
}

export class IssuePersonalTokenDto {
  @IsText('What the token is for, to recognise it in the list', 'monthly report script', 100)
  label!: string;

  @ApiPropertyOptional({
    description: 'How long it is valid: 90s, 15m, 8h, 7d… at most 30d',
    default: '30d',
    example: '7d',
  })
  @IfPresent()
  @IsString()
  @Matches(/^[1-9][0-9]{0,6}[smhd]$/, { message: 'ttl must be like 90s, 15m, 8h or 7d' })
  ttl?: string;
}

export class PeopleQueryDto extends PageQueryDto {
  @IsOptionalReference('Only the people of this partner')
  partnerId?: string;

  @ApiPropertyOptional({ enum: PERSON_STATUSES })
  @IsOptional()
  @IsIn(PERSON_STATUSES)
  status?: PersonView['status'];
}

/** Who a person is, as every answer about one shows it. */
export class PersonIdentityDocument {
  @ApiProperty({
    description: 'The person id: the `sub` every event records',
    example: '4b1d2c3e-…',
  })
  personId!: string;
  @ApiProperty({ example: 'Ana Ruiz' })
  displayName!: string;
  @ApiProperty({ example: 'ana@acme.example' })
  email!: string;
  @ApiProperty({ type: String, nullable: true, example: 'acme' })
  partnerId!: string | null;
  @ApiProperty({ type: [String], example: ['partner'] })
  roles!: string[];
}

export class PersonDocument extends PersonIdentityDocument implements PersonView {
  @ApiProperty({ enum: PERSON_STATUSES })
  status!: PersonView['status'];
  @ApiProperty({ type: String, nullable: true })
  identityProviderSubject!: string | null;
  @ApiProperty({ format: 'date-time' })
  invitedAt!: string;
  @ApiProperty({ description: 'Who invited them (a person id, or a token subject)' })
  invitedBy!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class PeoplePageDocument extends PageDocument(PersonDocument) {}

/** A mediator whom a party may propose: who, by name, and nothing else about them. */
export class MediatorDocument implements MediatorView {
  @ApiProperty({
    description: 'The person id, as a mediator proposal names it',
    example: 'claire-mediator',
  })
  personId!: string;
  @ApiProperty({ example: 'Claire Dubois' })
  displayName!: string;
}

export class LinkDocument {
  @ApiProperty({
    example:
      'https://ledger.example.org/invitation#token=kq3J2vR0x7-6n0m0nQm1bqv7WcI9W1rT9yq7m3o0c2A',
    description: 'Give it to the person (it is shown once, single use)',
  })
  url!: string;
  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
  @ApiPropertyOptional({
    description: 'Where the link was also e-mailed (only when an SMTP server is set)',
  })
  emailedTo?: string;
  @ApiPropertyOptional({
    description: 'Why the e-mail was not sent (an SMTP server is set): pass the link on yourself',
  })
  emailError?: string;
}

export class InvitationDocument extends CommandResultDocument {
  @ApiProperty()
  personId!: string;
  @ApiProperty({ type: LinkDocument })
  invitation!: LinkDocument;
}

export class PersonalTokenDocument implements PersonalTokenView {
  @ApiProperty({ description: 'The token’s `jti`' })
  tokenId!: string;
  @ApiProperty()
  personId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null for a token the CLI signed' })
  label!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  issuedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  expiresAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  revokedAt!: string | null;
}

export class IssuedTokenDocument extends CommandResultDocument {
  @ApiProperty({ description: 'The bearer token, shown this once (the ledger keeps only its id)' })
  token!: string;
  @ApiProperty()
  tokenId!: string;
  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}
