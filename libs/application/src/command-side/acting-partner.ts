import { RuleViolation } from '@cohesion/domain';
import { hasRole } from '../access/access-rules';
import { accessDenied } from '../errors';
import type { CommandContext } from './command-context';

/**
 * The partner on whose behalf a command acts: the principal's own partner id. A body may name the
 * partner only to repeat it, or, for an administrator (who acts for no partner) entering paper
 * records, to say whom the entry is for; the event's actor still records the administrator.
 * Naming another partner is forbidden to everyone else.
 */
export function actingPartner(context: CommandContext, named?: string): string {
  const own = context.actor.partnerId;
  if (own !== undefined && named !== undefined && named !== own) {
    throw accessDenied(`You act for partner ${own}, not ${named}`);
  }
  if (own === undefined && named !== undefined && !hasRole(context.actor, 'admin')) {
    throw accessDenied(`You act for no partner, so not for ${named}`);
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
