import {
  BadRequestException,
  Controller,
  Get,
  HttpException,
  HttpStatus,
  NotFoundException,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type LedgerConfig, OidcFlowError, OidcSignIn } from '@cohesion/application';
import { accessAttemptOf } from '../access-audit/access-attempt';
import { PublicRoute } from '../authorization/authorize.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
import { clearCookie, cookieOf, OIDC_FLOW_COOKIE, SESSION_COOKIE, setCookie } from './cookies';
import { refusalsAnswered } from './sign-in-refusals';

/** A path of the web app to come back to (never another site: no open redirect). */
const RETURN_PATH = /^\/(?![/\\])[\x21-\x7e]{0,500}$/;
const FLOW_SECONDS = 600;

/**
 * Sign-in through the organisation's identity provider (OpenID Connect, authorization code with
 * PKCE): the browser is sent there and comes back to the callback, which opens a session.
 */
@ApiTags('sign-in')
@Controller('auth/oidc')
export class OidcController {
  private readonly origin: string;
  private readonly absoluteSeconds: number;

  constructor(
    private readonly oidc: OidcSignIn,
    config: ConfigService<LedgerConfig, true>,
  ) {
    this.origin = config.get('LEDGER_PUBLIC_ORIGIN', { infer: true });
    this.absoluteSeconds = config.get('LEDGER_SESSION_ABSOLUTE_HOURS', { infer: true }) * 3600;
  }

  @PublicRoute()
  @Get('start')
  @ApiOperation({
    summary:
      'Start signing in at the identity provider: answers 303 to it (open it in the browser, ' +
      'not with fetch). 404 when OpenID Connect is not configured',
  })
  @ApiQuery({
    name: 'returnTo',
    required: false,
    type: String,
    description: 'A path of the web app to come back to after signing in (default /)',
  })
  @ApiResponse({ status: 303, description: 'To the identity provider' })
  @ApiProblems(400, 404, 503)
  async start(
    @Query('returnTo') returnTo: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    if (!this.oidc.enabled) throw new NotFoundException('OpenID Connect sign-in is not configured');
    if (returnTo !== undefined && !RETURN_PATH.test(returnTo)) {
      throw new BadRequestException('returnTo must be a path of this site, e.g. /partnerships');
    }
    const { url, state } = await this.flowAnswered(() => this.oidc.start(returnTo ?? '/'));
    setCookie(response, OIDC_FLOW_COOKIE, state, FLOW_SECONDS);
    response.redirect(HttpStatus.SEE_OTHER, url);
  }

  @PublicRoute()
  @Get('callback')
  @ApiOperation({
    summary:
      'Where the identity provider sends the browser back: opens a session (sets the cookie) and ' +
      'answers 303 to the page asked for; 403 when no active person of the directory matches',
  })
  @ApiResponse({ status: 303, description: 'Signed in: to the page asked for' })
  @ApiProblems(400, 403, 503)
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const callbackUrl = new URL(request.originalUrl, this.origin);
    const browserState = cookieOf(request, OIDC_FLOW_COOKIE);
    clearCookie(response, OIDC_FLOW_COOKIE);
    const { session, returnTo } = await refusalsAnswered(response, () =>
      this.flowAnswered(() =>
        this.oidc.finish(
          callbackUrl,
          browserState,
          accessAttemptOf(request),
          cookieOf(request, SESSION_COOKIE) || undefined,
        ),
      ),
    );
    setCookie(response, SESSION_COOKIE, session.id, this.absoluteSeconds);
    response.redirect(HttpStatus.SEE_OTHER, `${this.origin}${returnTo}`);
  }

  /** A flow that failed (provider unreachable, a refused answer) is a 400, or 503 if unreachable. */
  private async flowAnswered<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof OidcFlowError)) throw error;
      const unreachable = error.kind === 'unreachable';
      throw new HttpException(
        {
          message: error.message,
          error: unreachable ? 'Service unavailable' : 'Bad request',
          reason: 'oidc',
        },
        unreachable ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_REQUEST,
      );
    }
  }
}
