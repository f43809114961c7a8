import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type AgreementCommand,
  agreementDecider,
  AggregateNotFound,
  type ProposeAgreement,
} from '@cohesion/domain';
import { AggregateStore } from '../command-side/aggregate-store';
import { CommandAccess } from '../command-side/command-access';
import type { CommandContext, CommandResult } from '../command-side/command-context';
import { CommandMessage } from '../command-side/command-messages';
import { streamOf } from '../command-side/streams';

/** An agreement command as the controller can build it: the handler adds the partnership facts. */
export type AgreementRequest =
  | Exclude<AgreementCommand, ProposeAgreement>
  | Omit<ProposeAgreement, 'partnership'>;

export class AgreementCommandMessage extends CommandMessage<AgreementRequest> {}

@CommandHandler(AgreementCommandMessage)
export class AgreementCommandHandler
  implements ICommandHandler<AgreementCommandMessage, CommandResult>
{
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly access: CommandAccess,
  ) {}

  async execute({ command, context }: AgreementCommandMessage): Promise<CommandResult> {
    const stream = streamOf('agreement', command.data.agreementId);
    return this.aggregates.execute(
      stream,
      agreementDecider,
      await this.withFacts(command, stream, context),
      context,
    );
  }

  /**
   * A proposal is made in a partnership the principal acts in (403 otherwise); any other command
   * concerns an agreement of such a partnership, or answers as if the agreement did not exist.
   * Whether the principal is a party is the decider's rule.
   */
  private async withFacts(
    request: AgreementRequest,
    stream: string,
    context: CommandContext,
  ): Promise<AgreementCommand> {
    if (request.type === 'ProposeAgreement') {
      const partnershipId = request.data.partnershipId;
      return { ...request, partnership: await this.access.inPartnership(context, partnershipId) };
    }
    const notFound = () => new AggregateNotFound('Agreement', request.data.agreementId);
    const { state } = await this.aggregates.load(stream, agreementDecider);
    if (state.partnershipId === undefined) throw notFound();
    await this.access.onObjectOf(context, state.partnershipId, notFound);
    return request;
  }
}
