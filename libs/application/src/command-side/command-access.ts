import { Injectable } from '@nestjs/common';
import type { AggregateNotFound, PartnershipFacts } from '@cohesion/domain';
import { mayActIn } from '../access/access-rules';
import type { CommandContext } from './command-context';
import { PartnershipFactsReader } from './partnership-facts.reader';
import { accessDenied, concealing } from '../errors';

/**
 * Per-object authorization of commands, from the ledger's own partnership facts (not a read
 * model: a member who just left can no longer act, even before the read models know it).
 * Partners act only in the partnerships they are current members of; administrators in any.
 */
@Injectable()
export class CommandAccess {
  constructor(private readonly partnerships: PartnershipFactsReader) {}

  /**
   * A command in a partnership the request names (path or body): 403 unless the principal may act
   * there, whether or not the partnership exists, so that the answer tells nothing about it.
   */
  async inPartnership(context: CommandContext, partnershipId: string): Promise<PartnershipFacts> {
    const facts = await this.partnerships.factsOf(partnershipId);
    if (!mayActIn(context.actor, facts.memberIds)) {
      throw accessDenied('You act only in the partnerships you are a member of');
    }
    return facts;
  }

  /**
   * A command on an object the request names by id (a commitment, an agreement…): when it belongs
   * to a partnership the principal does not act in, it answers exactly as if the object did not
   * exist (`notFound`), so that ids of other partnerships cannot be probed.
   */
  async onObjectOf(
    context: CommandContext,
    partnershipId: string,
    notFound: () => AggregateNotFound,
  ): Promise<PartnershipFacts> {
    const facts = await this.partnerships.factsOf(partnershipId);
    if (!mayActIn(context.actor, facts.memberIds)) throw concealing(notFound());
    return facts;
  }
}
