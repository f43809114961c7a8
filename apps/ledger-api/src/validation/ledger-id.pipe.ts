import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { ID_PATTERN } from './dto-validators';

/** Path parameters that name an aggregate or an entity inside one. */
export class LedgerIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ID_PATTERN.test(value)) {
      throw new BadRequestException(
        `"${value.slice(0, 120)}" is not a ledger id (1-201 letters, digits, _ or -)`,
      );
    }
    return value;
  }
}
