import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import {
  AccessTokenError,
  AccessTokenVerifier,
  KeySetUnavailableError,
} from '@cohesion/access-tokens';
import { principalFromDevelopmentHeaders } from '../principal/development-headers';
import { DirectoryGate, type Principal } from '@cohesion/application';
import { SessionAuthentication } from '../sign-in/session-authentication';
import { PRINCIPAL, type RequestWithPrincipal } from '../principal/request-principal';
import { IS_PUBLIC } from '../principal/public.decorator';
import { DEVELOPMENT_PRINCIPAL_HEADERS } from './access-token-verifier.provider';
import { bearerChallenge, bearerToken } from './bearer-challenge';

/**
 * Who is calling: every route but the public ones needs a valid bearer token or a session
 * cookie, and the principal of the request (hence every event's actor) comes from them and from
 * nothing else; for a person of the directory, from the directory (see DirectoryGate).
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  private readonly logger = new Logger('Authentication');

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
    @Inject(DEVELOPMENT_PRINCIPAL_HEADERS) private readonly developmentHeaders: boolean,
    private readonly directory: DirectoryGate,
    private readonly sessions: SessionAuthentication,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<Request & RequestWithPrincipal>();
    try {
      request[PRINCIPAL] = await this.authenticate(request);
      return true;
    } catch (error) {
      if (error instanceof AccessTokenError) {
        const response = context.switchToHttp().getResponse<Response>();
        response.setHeader('WWW-Authenticate', bearerChallenge(error.reason));
        throw new UnauthorizedException({
          message: error.message,
          error: 'Unauthorized',
          reason: error.reason,
        });
      }
      if (error instanceof KeySetUnavailableError) {
        this.logger.warn(error.message);
        throw new ServiceUnavailableException(
          "The identity provider's signing keys could not be fetched; try again shortly",
        );
      }
      throw error;
    }
  }

  private async authenticate(request: Request): Promise<Principal> {
    const authorization = request.header('authorization');
    if (authorization) {
      const verified = await this.verifier.verifyToken(bearerToken(authorization));
      return this.directory.principalOfToken(verified);
    }
    const signedIn = this.sessions.authenticate(request);
    if (signedIn) return signedIn;
    const developmentPrincipal = this.developmentHeaders
      ? principalFromDevelopmentHeaders(request)
      : undefined;
    if (developmentPrincipal) return developmentPrincipal;
    throw new AccessTokenError(
      'missing',
      'This route needs an access token: send Authorization: Bearer <token>',
    );
  }
}
