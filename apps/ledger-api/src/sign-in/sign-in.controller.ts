import {
  applyDecorators,
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type LedgerConfig, PeopleSignIn, type StartedSession } from '@cohesion/application';
import { accessAttemptOf } from '../access-audit/access-attempt';
import { AuthorizeAnyone, PublicRoute } from '../authorization/authorize.decorator';
import { CurrentPrincipal } from '../authorization/current-principal.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
import type { Principal } from '@cohesion/application';
import { clearCookie, SESSION_COOKIE, setCookie, cookieOf } from './cookies';
import { SESSION, type RequestWithSession } from './request-session';
import { SessionAuthentication } from './session-authentication';
import { refusalsAnswered } from './sign-in-refusals';
import {
  LINK_TOKEN_HEADER,
  LinkHolderDocument,
  PasswordSignInDto,
  SessionDocument,
  SetPasswordDto,
  SignedOutEverywhereDocument,
  SignInMethodsDocument,
} from './sign-in.dto';

type SessionRequest = Request & RequestWithSession;

/** A public GET that shows who a link is for, from its token in the X-Link-Token header. */
const LinkHolderRoute = (summary: string) =>
  applyDecorators(
    PublicRoute(),
    ApiOperation({ summary }),
    ApiHeader({
      name: LINK_TOKEN_HEADER,
      required: true,
      description: 'The token of the link: what follows `#token=`',
    }),
    ApiOkResponse({ type: LinkHolderDocument }),
    ApiProblems(404),
  );

/**
 * Signing in and out of the web app: a password (or an invitation's first password), a server-side
 * session in an HttpOnly cookie, and who is signed in. OpenID Connect and passkeys have their own
 * controllers.
 */
@ApiTags('sign-in')
@Controller('auth')
export class SignInController {
  private readonly absoluteSeconds: number;
  private readonly oidcDisplayName: string;
  private readonly oidcEnabled: boolean;

  constructor(
    private readonly signIn: PeopleSignIn,
    private readonly sessions: SessionAuthentication,
    config: ConfigService<LedgerConfig, true>,
  ) {
    this.absoluteSeconds = config.get('LEDGER_SESSION_ABSOLUTE_HOURS', { infer: true }) * 3600;
    this.oidcEnabled = Boolean(config.get('LEDGER_OIDC_ISSUER_URL', { infer: true }));
    this.oidcDisplayName = config.get('LEDGER_OIDC_DISPLAY_NAME', { infer: true });
  }

  @PublicRoute()
  @Get('methods')
  @ApiOperation({ summary: 'How people may sign in to this ledger (for the sign-in page)' })
  @ApiOkResponse({ type: SignInMethodsDocument })
  methods(): SignInMethodsDocument {
    return {
      password: true,
      passkeys: true,
      oidc: { enabled: this.oidcEnabled, displayName: this.oidcDisplayName },
    };
  }

  @AuthorizeAnyone('signed in with a session cookie (a token has no session: 404)')
  @Get('session')
  @ApiOperation({
    summary: 'Who is signed in: the person, their partner and roles, and the CSRF token',
  })
  @ApiOkResponse({ type: SessionDocument })
  @ApiProblems(404)
  session(@Req() request: SessionRequest): SessionDocument {
    const current = request[SESSION];
    if (!current)
      throw new NotFoundException('This request is authenticated by a token, not a session');
    return this.signIn.describe(current.session) as SessionDocument;
  }

  @PublicRoute()
  @Post('sign-in')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Sign in with an e-mail and a password: sets the session cookie (__Host-ledger-session). ' +
      'Every wrong credential answers the same 401 “Wrong e-mail or password”; after 5 failures ' +
      'for one e-mail (50 from one address) each attempt waits a doubling delay (429, Retry-After).',
  })
  @ApiOkResponse({ type: SessionDocument })
  @ApiProblems(400, 403, 429)
  async passwordSignIn(
    @Body() body: PasswordSignInDto,
    @Req() request: SessionRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionDocument> {
    this.sessions.assertOwnOrigin(request);
    const started = await refusalsAnswered(response, () =>
      this.signIn.withPassword(
        body,
        request.ip ?? 'unknown',
        accessAttemptOf(request),
        this.previousSession(request),
      ),
    );
    return this.opened(started, response);
  }

  @AuthorizeAnyone('signed in with a session cookie')
  @Post('sign-out')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End this session, and clear its cookie' })
  @ApiNoContentResponse()
  @ApiProblems(403)
  async signOut(
    @Req() request: SessionRequest,
    @Res({ passthrough: true }) response: Response,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    const current = request[SESSION];
    if (current) await this.signIn.signOut(current.id, accessAttemptOf(request), principal.sub);
    clearCookie(response, SESSION_COOKIE);
  }

  @AuthorizeAnyone('a person of the directory, with a session or a personal token')
  @Post('sign-out-everywhere')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'End every session of the signed-in person, on every device' })
  @ApiOkResponse({ type: SignedOutEverywhereDocument })
  @ApiProblems(403)
  async signOutEverywhere(
    @Req() request: SessionRequest,
    @Res({ passthrough: true }) response: Response,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SignedOutEverywhereDocument> {
    const endedSessions = await this.signIn.signOutEverywhere(
      principal.sub,
      accessAttemptOf(request),
    );
    clearCookie(response, SESSION_COOKIE);
    return { endedSessions };
  }

  @Get('invitation')
  @LinkHolderRoute('Who an invitation link is for (the link stays usable)')
  invitation(@Headers(LINK_TOKEN_HEADER) token: string | undefined): LinkHolderDocument {
    return this.signIn.invitation(token ?? '') as LinkHolderDocument;
  }

  @PublicRoute()
  @Post('invitation/acceptance')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Accept an invitation: choose a password, and be signed in (sets the session cookie). The ' +
      'link is used up.',
  })
  @ApiOkResponse({ type: SessionDocument })
  @ApiProblems(400, 403, 404, 422)
  async acceptInvitation(
    @Body() body: SetPasswordDto,
    @Req() request: SessionRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionDocument> {
    this.sessions.assertOwnOrigin(request);
    const started = await this.signIn.acceptInvitation(
      body.token,
      body.password,
      accessAttemptOf(request),
      this.previousSession(request),
    );
    return this.opened(started, response);
  }

  @Get('password-reset')
  @LinkHolderRoute('Who a password-reset link is for (the link stays usable)')
  passwordReset(@Headers(LINK_TOKEN_HEADER) token: string | undefined): LinkHolderDocument {
    return this.signIn.passwordReset(token ?? '') as LinkHolderDocument;
  }

  @PublicRoute()
  @Post('password-reset')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary:
      'Set a new password with a reset link: every session of the person ends; sign in afterwards',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 403, 404, 422)
  async resetPassword(@Body() body: SetPasswordDto, @Req() request: SessionRequest): Promise<void> {
    this.sessions.assertOwnOrigin(request);
    await this.signIn.resetPassword(body.token, body.password, accessAttemptOf(request));
  }

  /** Sets the cookie of a session just started, and answers who is now signed in. */
  private opened(started: StartedSession, response: Response): SessionDocument {
    setCookie(response, SESSION_COOKIE, started.id, this.absoluteSeconds);
    return this.signIn.describe(started) as SessionDocument;
  }

  /** The session the browser held before signing in: it ends (a sign-in never keeps an id). */
  private previousSession(request: Request): string | undefined {
    return cookieOf(request, SESSION_COOKIE) || undefined;
  }
}
