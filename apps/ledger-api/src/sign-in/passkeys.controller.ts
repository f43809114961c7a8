import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  type LedgerConfig,
  PasskeySignIn,
  PeopleSignIn,
  type PasskeyView,
  type Principal,
} from '@cohesion/application';
import { accessAttemptOf } from '../access-audit/access-attempt';
import { AuthorizeAnyone, PublicRoute } from '../authorization/authorize.decorator';
import { CurrentPrincipal } from '../authorization/current-principal.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
import { cookieOf, SESSION_COOKIE, setCookie } from './cookies';
import {
  CREDENTIAL_ID,
  PasskeyAuthenticationDto,
  PasskeyDocument,
  PasskeyRegistrationDto,
  WebAuthnOptionsDocument,
} from './passkeys.dto';
import { SessionAuthentication } from './session-authentication';
import { refusalsAnswered } from './sign-in-refusals';
import { SessionDocument } from './sign-in.dto';

const OWN = 'a person of the directory, for their own passkeys';

/** Passkeys (WebAuthn): adding one to one's account, and signing in with one. */
@ApiTags('sign-in')
@Controller('auth/passkeys')
export class PasskeysController {
  private readonly absoluteSeconds: number;

  constructor(
    private readonly passkeys: PasskeySignIn,
    private readonly signIn: PeopleSignIn,
    private readonly sessions: SessionAuthentication,
    config: ConfigService<LedgerConfig, true>,
  ) {
    this.absoluteSeconds = config.get('LEDGER_SESSION_ABSOLUTE_HOURS', { infer: true }) * 3600;
  }

  @AuthorizeAnyone(OWN)
  @Post('registration-options')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Options for navigator.credentials.create(): the first step of adding a passkey',
  })
  @ApiOkResponse({ type: WebAuthnOptionsDocument })
  @ApiProblems(422)
  registrationOptions(@CurrentPrincipal() principal: Principal): Promise<object> {
    return this.passkeys.registrationOptions(principal.sub);
  }

  @AuthorizeAnyone(OWN)
  @Post()
  @ApiOperation({ summary: 'Add the passkey the browser just created' })
  @ApiCreatedResponse({ type: PasskeyDocument })
  @ApiProblems(400, 422)
  register(
    @Body() body: PasskeyRegistrationDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<PasskeyView> {
    return this.passkeys.register(
      principal.sub,
      body.credential,
      body.label ?? 'passkey',
      accessAttemptOf(request),
    );
  }

  @AuthorizeAnyone(OWN)
  @Get()
  @ApiOperation({ summary: 'The passkeys of the signed-in person' })
  @ApiOkResponse({ type: [PasskeyDocument] })
  list(@CurrentPrincipal() principal: Principal): PasskeyView[] {
    return this.passkeys.list(principal.sub);
  }

  @AuthorizeAnyone(OWN)
  @Post(':credentialId/removal')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove one of one’s passkeys' })
  @ApiNoContentResponse()
  @ApiProblems(400, 404)
  async remove(
    @Param('credentialId') credentialId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<void> {
    if (!CREDENTIAL_ID.test(credentialId)) throw new BadRequestException('Not a credential id');
    await this.passkeys.remove(principal.sub, credentialId, accessAttemptOf(request));
  }

  @PublicRoute()
  @Post('authentication-options')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Options for navigator.credentials.get(): the first step of signing in with a passkey (no ' +
      'account is named: the browser offers the passkeys it holds for this site)',
  })
  @ApiOkResponse({ type: WebAuthnOptionsDocument })
  authenticationOptions(): Promise<object> {
    return this.passkeys.authenticationOptions();
  }

  @PublicRoute()
  @Post('authentication')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Sign in with the passkey the browser answered with: sets the session cookie. A passkey ' +
      'that does not verify, or of a person not active, answers 401',
  })
  @ApiOkResponse({ type: SessionDocument })
  @ApiProblems(400, 403)
  async authenticate(
    @Body() body: PasskeyAuthenticationDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionDocument> {
    this.sessions.assertOwnOrigin(request);
    const started = await refusalsAnswered(response, () =>
      this.passkeys.authenticate(
        body.credential,
        accessAttemptOf(request),
        cookieOf(request, SESSION_COOKIE) || undefined,
      ),
    );
    setCookie(response, SESSION_COOKIE, started.id, this.absoluteSeconds);
    return this.signIn.describe(started) as SessionDocument;
  }
}
