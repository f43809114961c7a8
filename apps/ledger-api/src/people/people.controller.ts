import { Body, Controller, Param, Post, Put, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  type CommandContext,
  commandFrom,
  type CommandResult,
  generatedId,
  type IdentityAct,
  IdentityAudit,
  PersonalTokens,
  PersonCommandMessage,
  PersonLinks,
  type PersonRequest,
} from '@cohesion/application';
import { accessAttemptOf } from '../access-audit/access-attempt';
import { Authorize, AuthorizeAnyone } from '../authorization/authorize.decorator';
import { ApiCommand } from '../commands/api-command.decorator';
import { CurrentCommandContext } from '../commands/command-context.decorator';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import {
  ChangeRolesDto,
  InvitationDocument,
  InvitePersonDto,
  IssuedTokenDocument,
  IssuePersonalTokenDto,
  LinkDocument,
  PersonStatusReasonDto,
} from './people.dto';

type Data<T extends PersonRequest['type']> = Extract<PersonRequest, { type: T }>['data'];

const OWN_STAFF =
  'a partner admin only for its own partner’s staff, with the partner roles (another partner’s ' +
  'people answer 404, as if unknown)';

/**
 * The people directory's commands. Every one is also an entry of the access audit (invitations,
 * role changes, suspensions, removals, links and tokens given out or revoked).
 */
@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(
    private readonly commands: CommandBus,
    private readonly links: PersonLinks,
    private readonly tokens: PersonalTokens,
    private readonly audit: IdentityAudit,
  ) {}

  private async send<T extends PersonRequest['type']>(
    type: T,
    data: Data<T>,
    context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.execute(
      new PersonCommandMessage(commandFrom<PersonRequest>(type, data, context), context),
    );
  }

  private audited(request: Request, act: IdentityAct, status: number, detail: string) {
    return this.audit.record(accessAttemptOf(request), act, status, detail);
  }

  @Authorize(['admin', 'partner_admin'], OWN_STAFF)
  @Post()
  @ApiCommand(
    'Invite a person: records the invitation and answers a single-use link (valid 72 h) to give them',
    { creates: true, answers: InvitationDocument },
  )
  async invite(
    @Body() body: InvitePersonDto,
    @CurrentCommandContext() context: CommandContext,
    @Req() request: Request,
  ): Promise<InvitationDocument> {
    const personId = body.personId ?? generatedId(context, 'person');
    const result = await this.send(
      'InvitePerson',
      {
        personId,
        displayName: body.displayName,
        email: body.email,
        partnerId: body.partnerId ?? null,
        roles: body.roles,
        ...(body.identityProviderSubject !== undefined
          ? { identityProviderSubject: body.identityProviderSubject }
          : {}),
      },
      context,
    );
    const invitation = await this.links.invitation(personId, context.actor, {
      email: body.email,
      displayName: body.displayName,
    });
    await this.audited(request, 'invitation', 201, `person ${personId} as ${rolesOf(body.roles)}`);
    return { ...result, personId, invitation } as InvitationDocument;
  }

  @Authorize(['admin', 'partner_admin'], OWN_STAFF)
  @Post(':personId/invitation')
  @ApiCommand('A new invitation link for a person still invited (the earlier link stops working)', {
    answers: LinkDocument,
  })
  async reinvite(
    @Param('personId', LedgerIdPipe) personId: string,
    @CurrentCommandContext() context: CommandContext,
    @Req() request: Request,
  ): Promise<LinkDocument> {
    const link = await this.links.invitation(personId, context.actor);
    await this.audited(request, 'invitation', 200, `person ${personId}, new link`);
    return link;
  }

  @Authorize(['admin'])
  @Put(':personId/roles')
  @ApiCommand('Change a person’s roles: effective on their very next request')
  async changeRoles(
    @Param('personId', LedgerIdPipe) personId: string,
    @Body() body: ChangeRolesDto,
    @CurrentCommandContext() context: CommandContext,
    @Req() request: Request,
  ): Promise<CommandResult> {
    const result = await this.send('ChangePersonRoles', { personId, roles: body.roles }, context);
    await this.audited(
      request,
      'roles-changed',
      200,
      `person ${personId} to ${rolesOf(body.roles)}`,
    );
    return result;
  }

  @Authorize(['admin'])
  @Post(':personId/suspension')
  @ApiCommand(
    'Suspend a person: their sessions end and their tokens stop working at once; history keeps their acts',
  )
  async suspend(
    @Param('personId', LedgerIdPipe) personId: string,
    @Body() body: PersonStatusReasonDto,
    @CurrentCommandContext() context: CommandContext,
    @Req() request: Request,
  ): Promise<CommandResult> {
    const result = await this.send('SuspendPerson', { personId, reason: body.reason }, context);
    await this.audited(request, 'suspension', 200, `person ${personId}`);
    return result;
  }

  @Authorize(['admin'])
  @Post(':personId/reinstatement')
  @ApiCommand('Lift a suspension: the person may sign in again')
  async reinstate(
    @Param('personId', LedgerIdPipe) personId: string,
    @CurrentCommandContext() context: CommandContext,
    @Req() request: Request,
  ): Promise<CommandResult> {
    const result = await this.send('ReinstatePerson', { personId }, context);
    await this.audited(request, 'reinstatement', 200, `person ${personId}`);
    return result;
  }

  @Authorize(['admin', 'partner_admin'], OWN_STAFF)
  @Post(':personId/removal')
  @ApiCommand('Remove a person for good: access ends at once; history keeps their acts')
  async remove(
    @Param('personId', LedgerIdPipe) personId: string,
    @Body() body: PersonStatusReasonDto,
    @CurrentCommandContext() context: CommandContext,
    @Req() request: Request,
  ): Promise<CommandResult> {
    const result = await this.send('RemovePerson', { personId, reason: body.reason }, context);
    await this.audited(request, 'removal', 200, `person ${personId}`);
    return result;
  }

  @Authorize(['admin'])
  @Post(':personId/password-reset')
  @ApiCommand(
    'A single-use password-reset link (valid 24 h) for an active person, to give them (also e-mailed when an SMTP server is set)',
    { answers: LinkDocument },
  )
  async passwordReset(
    @Param('personId', LedgerIdPipe) personId: string,
    @CurrentCommandContext() context: CommandContext,
    @Req() request: Request,
  ): Promise<LinkDocument> {
    const link = await this.links.passwordReset(personId, context.actor);
    await this.audited(request, 'password-reset-issued', 200, `person ${personId}`);
    return link;
  }

  @AuthorizeAnyone('a person issues tokens for themself only (as a person of the directory)')
  @Post(':personId/tokens')
  @ApiCommand(
    'A personal API token (bearer JWT) for machine use: answered once; revocable; at most 30 days',
    { creates: true, answers: IssuedTokenDocument },
  )
  async issueToken(
    @Param('personId', LedgerIdPipe) personId: string,
    @Body() body: IssuePersonalTokenDto,
    @CurrentCommandContext() context: CommandContext,
    @Req() request: Request,
  ): Promise<IssuedTokenDocument> {
    const issued = await this.tokens.issue(personId, body.label, body.ttl ?? '30d', context);
    await this.audited(
      request,
      'token-issued',
      201,
      `token ${issued.tokenId} of person ${personId}`,
    );
    return issued as IssuedTokenDocument;
  }

  @AuthorizeAnyone('the token’s owner, or an administrator')
  @Post(':personId/tokens/:tokenId/revocation')
  @ApiCommand(
    'Revoke a token by its id (`jti`): refused from the next request on. Also revokes a token the ' +
      'operator’s CLI signed for this person',
  )
  async revokeToken(
    @Param('personId', LedgerIdPipe) personId: string,
    @Param('tokenId', LedgerIdPipe) tokenId: string,
    @CurrentCommandContext() context: CommandContext,
    @Req() request: Request,
  ): Promise<CommandResult> {
    const result = await this.send('RevokePersonalToken', { personId, tokenId }, context);
    await this.audited(request, 'token-revoked', 200, `token ${tokenId} of person ${personId}`);
    return result;
  }
}

const rolesOf = (roles: readonly string[]) => (roles.length > 0 ? roles.join(', ') : 'no role');
