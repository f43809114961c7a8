import { HttpException, HttpStatus, UnauthorizedException } from '@nestjs/common';
import type { Response } from 'express';
import { SignInRefusal } from '@cohesion/application';

/**
 * A refused sign-in as an HTTP answer: 401 for wrong credentials (one answer for every kind of
 * wrong), 429 with Retry-After while throttled, 403 for an identity the directory does not know.
 */
export async function refusalsAnswered<T>(response: Response, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof SignInRefusal)) throw error;
    switch (error.reason) {
      case 'wrong-credentials':
        throw new UnauthorizedException({
          message: error.message,
          error: 'Unauthorized',
          reason: error.reason,
        });
      case 'throttled':
        response.setHeader('Retry-After', String(error.retryAfterSeconds ?? 1));
        throw new HttpException(
          { message: error.message, error: 'Too many requests', reason: error.reason },
          HttpStatus.TOO_MANY_REQUESTS,
        );
      case 'not-in-directory':
        throw new HttpException(
          { message: error.message, error: 'Forbidden', reason: error.reason },
          HttpStatus.FORBIDDEN,
        );
    }
  }
}
