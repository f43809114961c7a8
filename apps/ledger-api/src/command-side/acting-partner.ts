import { ForbiddenException } from '@nestjs/common';
import { RuleViolation } from '@cohesion/domain';
import { hasRole } from '../authorization/access-rules';
import type { CommandContext } from './command-context';
import { IsOptionalReference, IsText } from './dto-validators';

/**
 * The partner on whose behalf a command acts: the principal's own partner id. A body may name the
 * partner only to repeat it, or, for an administrator (who acts for no partner) entering paper
 * records, to say whom the entry is for; the event's actor still records the administrator.
 * Naming another partner is forbidden to everyone else.
 */
export function actingPartner(context: CommandContext, named?: string): string {
  const own = context.actor.partnerId;
  if (own !== undefined && named !== undefined && named !== own) {
    throw new ForbiddenException(`You act for partner ${own}, not ${named}`);
  }
  if (own === undefined && named !== undefined && !hasRole(context.actor, 'admin')) {
    throw new ForbiddenException(`You act for no partner, so not for ${named}`);
  }
  const partnerId = own ?? named;
  if (partnerId === undefined) {
    throw new RuleViolation(
      'acting-partner-required',
      'Name, in the body, the partner this paper record is for',
    );
  }
  return partnerId;
}

/** A body field naming the partner who acts: it may only repeat the principal's own (see above). */
export const IsOptionalActingPartner = (description = 'The acting partner') =>
  IsOptionalReference(
    `${description}: defaults to the partner your token acts for; naming another partner is forbidden (an administrator names the partner of a paper record)`,
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
