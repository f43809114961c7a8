import {
  type ArgumentMetadata,
  BadRequestException,
  HttpException,
  Logger,
  ValidationPipe,
} from '@nestjs/common';
import { ACT_FIELDS, ActDto } from '../commands/act.dto';

/**
 * How deeply a body may nest objects and arrays: no command nests more than a few levels, and the
 * validators (class-transformer, class-validator, Nest's own key stripping) recurse, so a body
 * nested some thousands deep, well within the size limit, overflowed the stack: a 500 instead of
 * a 400 (found by the input fuzzing suite).
 */
const MAX_BODY_DEPTH = 32;

/**
 * The global validation: unknown properties refused, values transformed to their DTO types, and a
 * body must be a JSON object (an array or a bare value would otherwise pass for a DTO whose fields
 * are all optional).
 */
export class LedgerValidationPipe extends ValidationPipe {
  private readonly log = new Logger(LedgerValidationPipe.name);

  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true });
  }

  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    return this.checked(value, metadata).catch((error: unknown) => {
      if (error instanceof HttpException) throw error;
      // class-transformer throws on some shapes instead of leaving them to the validators (a
      // discriminated member given as an array holding null: `subject: [null]`): the input is
      // what is wrong, so it is a 400, not a 500 (found by the input fuzzing suite).
      this.log.warn(`Input that could not be transformed: ${String(error)}`);
      throw new BadRequestException(
        `The request ${metadata.type} does not have the expected shape`,
      );
    });
  }

  private async checked(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'body') return super.transform(value, metadata);
    // A request without a body is an empty object: its required fields are then reported by name.
    const body = value === undefined ? {} : value;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new BadRequestException('The request body must be a JSON object');
    }
    if (nestsDeeperThan(body, MAX_BODY_DEPTH)) {
      throw new BadRequestException(`The request body nests deeper than ${MAX_BODY_DEPTH} levels`);
    }
    const checked: unknown = await super.transform(body, metadata);
    // The act's own fields are the command context's (see ActDto): checked here, not the command's.
    if (checked instanceof ActDto) for (const field of ACT_FIELDS) delete checked[field];
    return checked;
  }
}

/** Whether objects and arrays nest deeper than `limit`; iterative, so that it cannot overflow. */
function nestsDeeperThan(value: object, limit: number): boolean {
  const pending: { readonly value: unknown; readonly depth: number }[] = [{ value, depth: 1 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth > limit) return true;
    for (const member of Object.values(next.value)) {
      pending.push({ value: member, depth: next.depth + 1 });
    }
  }
  return false;
}
