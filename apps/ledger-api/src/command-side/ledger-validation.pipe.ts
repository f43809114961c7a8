import { type ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';

/**
 * The global validation: unknown properties refused, values transformed to their DTO types, and a
 * body must be a JSON object (an array or a bare value would otherwise pass for a DTO whose fields
 * are all optional).
 */
export class LedgerValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true });
  }

  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'body') return super.transform(value, metadata);
    // A request without a body is an empty object: its required fields are then reported by name.
    const body = value === undefined ? {} : value;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new BadRequestException('The request body must be a JSON object');
    }
    return super.transform(body, metadata);
  }
}
