import { ForbiddenException } from '@nestjs/common';
import { RuleViolation } from '@cohesion/domain';
import type { CommandContext } from './command-context';
import { IsOptionalReference, IsText } from './dto-validators';

/**
 * The partner on whose behalf a command acts: the principal's own partner id. A body may name the
 * partner only to repeat it (or, for a principal who acts for no partner, e.g. an administrator
 * entering paper records, to say whom the entry is for); naming another partner is forbidden.
 */
export function actingPartner(context: CommandContext, named?: string): string {
  const own = context.actor.partnerId;
  if (own !== undefined && named !== undefined && named !== own) {
    throw new ForbiddenException(`You act for partner ${own}, not ${named}`);
  }
  const partnerId = own ?? named;
  if (partnerId === undefined) {
    throw new RuleViolation(
      'acting-partner-required',
      'Name the partner you act for (x-ledger-partner-id, or partnerId in the body)',
    );
  }
  return partnerId;
}

/** A body field naming the partner who acts: it may only repeat the principal's own (see above). */
export const IsOptionalActingPartner = (description = 'The acting partner') =>
  IsOptionalReference(
    `${description}: defaults to the partner you act for (x-ledger-partner-id); naming another partner is forbidden`,
    'acme-foundation',
  );

/** Bodies of partner-acting commands. */
export class ActingPartnerDto {
  @IsOptionalActingPartner()
  partnerId?: string;
}

/** A partner-acting command that must say why (a dispute, a release, a withdrawal…). */
export class ActingReasonDto extends ActingPartnerDto {
  @IsText('Why', 'Agreed at the steering committee of 12 March')
  reason!: string;
}
