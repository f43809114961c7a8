import {
  type ArgumentsHost,
  BadRequestException,
  Catch,
  type ExceptionFilter,
  ForbiddenException,
  HttpException,
  HttpStatus,
  Inject,
  InternalServerErrorException,
  Logger,
  NotFoundException,
  Optional,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApplicationError } from '@cohesion/application';
import { AggregateNotFound, DomainError } from '@cohesion/domain';
import {
  IdempotencyConflictError,
  InvalidAppendError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '@cohesion/event-store';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, problemType } from './problem-details';
import { PROBLEM_OBSERVER, type ProblemObserver } from './problem-observer';

const HTTP_SLUGS: Partial<Record<number, string>> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
  503: 'service-unavailable',
};

/** Titles of the statuses whose exceptions carry only a message (body parser, throttler). */
const HTTP_TITLES: Partial<Record<number, string>> = {
  413: 'Payload too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
};

/**
 * Seconds a client should wait before retrying a 503: read models catch up within a second; a
 * storage fault (a lock, a failover, a disk being freed) takes longer to clear.
 */
const RETRY_AFTER_SECONDS = { storage: 5, other: 1 } as const;
const STORAGE_UNAVAILABLE = problemType('storage-unavailable');

/** Every error leaves the API as application/problem+json; nothing unexpected leaks its internals. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  constructor(@Optional() @Inject(PROBLEM_OBSERVER) private readonly observer?: ProblemObserver) {}

  catch(exception: unknown, host: ArgumentsHost): void | Promise<void> {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const problem = { ...this.toProblem(exception), instance: request.originalUrl };
    const response = http.getResponse<Response>();
    const answer = () => {
      // Unavailable is temporary here (read models catching up, storage fault): say when to retry.
      if (problem.status === 503) {
        const seconds =
          problem.type === STORAGE_UNAVAILABLE
            ? RETRY_AFTER_SECONDS.storage
            : RETRY_AFTER_SECONDS.other;
        response.setHeader('Retry-After', String(seconds));
      }
      response.status(problem.status).type(PROBLEM_CONTENT_TYPE).json(problem);
    };
    const observed = this.observe(problem, request, exception);
    if (!observed) return answer();
    // Nobody awaits a filter: a failure to answer after the observer is logged, not left unhandled.
    return observed.then(answer).catch((error: unknown) => {
      this.logger.error(`Could not answer ${problem.status}: ${String(error)}`);
    });
  }

  /** The observer's work on this problem, if any; it never fails the answer. */
  private observe(
    problem: ProblemDetails,
    request: Request,
    exception: unknown,
  ): Promise<void> | undefined {
    try {
      return this.observer
        ?.problemAnswered(problem, request, exception)
        ?.catch((error: unknown) => {
          this.logger.error(`A problem observer failed: ${String(error)}`);
        });
    } catch (error) {
      this.logger.error(`A problem observer failed: ${String(error)}`);
      return undefined;
    }
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof AggregateNotFound) {
      return {
        type: problemType('not-found'),
        title: 'Not found',
        status: HttpStatus.NOT_FOUND,
        detail: exception.message,
      };
    }
    if (exception instanceof DomainError) {
      return {
        type: problemType(exception.code),
        title: 'A ledger rule refused the command',
        status: HttpStatus.UNPROCESSABLE_ENTITY,
        detail: exception.message,
        rule: exception.code,
      };
    }
    if (exception instanceof WrongExpectedRevisionError) {
      return {
        type: problemType('concurrency-conflict'),
        title: 'The stream changed since it was read',
        status: HttpStatus.CONFLICT,
        detail: exception.message,
        stream: exception.stream,
        actualRevision: String(exception.actualRevision),
      };
    }
    if (exception instanceof IdempotencyConflictError) {
      // Keys are scoped to the principal and the route, so the other command was the caller's own;
      // still, the detail names nothing (the stream it went to may be one the caller no longer sees).
      return {
        type: problemType('idempotency-key-reused'),
        title: 'This command id was already used for another command',
        status: HttpStatus.CONFLICT,
        detail:
          'You already sent this Idempotency-Key on this route with another body or for another ' +
          'target: send a new key for a new command.',
      };
    }
    if (exception instanceof InvalidAppendError) {
      return {
        type: problemType('invalid-event'),
        title: 'Invalid event',
        status: 400,
        detail: exception.message,
      };
    }
    if (exception instanceof StoreUnavailableError) {
      // The cause names files or cluster addresses: logged for operators, never answered.
      this.logger.warn(`Event store unavailable (${exception.code}): ${exception.message}`);
      return {
        type: STORAGE_UNAVAILABLE,
        title: 'The event store is unavailable',
        status: HttpStatus.SERVICE_UNAVAILABLE,
        detail:
          'The ledger could not reach or write to its event store, and acknowledged nothing. ' +
          'Retry later with the same Idempotency-Key: a command recorded after all is answered ' +
          'with its first result, never recorded twice.',
      };
    }
    if (exception instanceof ApplicationError) return fromHttpException(httpExceptionOf(exception));
    if (exception instanceof HttpException) return fromHttpException(exception);
    const clientError = clientErrorOf(exception);
    if (clientError) return clientError;
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return {
      type: problemType('internal-error'),
      title: 'Internal error',
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: 'The ledger could not complete the request; nothing partial was recorded.',
    };
  }
}

/** The HTTP answer of a refusal of the application layer. */
function httpExceptionOf({ kind, message, title }: ApplicationError): HttpException {
  switch (kind) {
    case 'access-denied':
      return new ForbiddenException(message);
    case 'not-found':
      return new NotFoundException(message);
    case 'invalid-request':
      return new BadRequestException(message);
    case 'unavailable':
      return new ServiceUnavailableException(message);
    case 'inconsistent':
      return new InternalServerErrorException({ message, error: title ?? 'Inconsistent ledger' });
  }
}

function fromHttpException(exception: HttpException): ProblemDetails {
  const status = exception.getStatus();
  const body = exception.getResponse();
  const {
    message,
    statusCode: _statusCode,
    status: _status,
    ...extensions
  } = typeof body === 'object' ? (body as Record<string, unknown>) : { message: body };
  // Nest's own bodies name the status in `error`; others (terminus) carry details there.
  const { error, ...rest } = extensions;
  const title = typeof error === 'string' ? error : (HTTP_TITLES[status] ?? exception.name);
  const reasons = Array.isArray(message) ? message.map(String) : undefined;
  return {
    ...(typeof error === 'string' ? rest : extensions),
    ...(reasons ? { errors: reasons } : {}),
    type: problemType(HTTP_SLUGS[status] ?? `http-${status}`),
    title,
    status,
    detail: reasons
      ? reasons.join('; ')
      : typeof message === 'string'
        ? message
        : exception.message,
  };
}

/**
 * Errors of Express middleware (the body parser's `entity.too.large`, a bad charset, an aborted
 * upload) arrive as http-errors, not HttpExceptions: a client error they mark as safe to expose
 * is answered with its own status rather than as an internal error.
 */
function clientErrorOf(exception: unknown): ProblemDetails | undefined {
  if (!(exception instanceof Error)) return undefined;
  const { status, expose } = exception as Error & { status?: unknown; expose?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499 || expose !== true) {
    return undefined;
  }
  return {
    type: problemType(HTTP_SLUGS[status] ?? `http-${status}`),
    title: HTTP_TITLES[status] ?? 'Bad request',
    status,
    detail: exception.message,
  };
}
