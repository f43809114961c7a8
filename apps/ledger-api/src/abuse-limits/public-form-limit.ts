import { type ExecutionContext, SetMetadata } from '@nestjs/common';

const PUBLIC_FORM_LIMIT = 'ledger:public-form-limit';

/** The throttler that limits the public forms' submissions per client address, per hour. */
export const PUBLIC_FORM_THROTTLER = 'public-form';

/**
 * Marks a public route that writes on behalf of nobody (the public feedback form): besides the
 * budget every route shares, each address gets a small hourly budget of such submissions.
 */
export const LimitedPerAddress = () => SetMetadata(PUBLIC_FORM_LIMIT, true);

export function isLimitedPerAddress(context: ExecutionContext): boolean {
  return Reflect.getMetadata(PUBLIC_FORM_LIMIT, context.getHandler()) === true;
}
