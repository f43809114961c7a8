import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type AgreementCommand, agreementDecider, type ProposeAgreement } from '@cohesion/domain';
import { AggregateStore } from '../command-side/aggregate-store';
import type { CommandResult } from '../command-side/command-context';
import { CommandMessage } from '../command-side/command-messages';
import { streamOf } from '../command-side/aggregates';
import { PartnershipFactsReader } from '../command-side/partnership-facts.reader';

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
    private readonly partnerships: PartnershipFactsReader,
  ) {}

  async execute({ command, context }: AgreementCommandMessage): Promise<CommandResult> {
    const stream = streamOf('agreement', command.data.agreementId);
    return this.aggregates.execute(
      stream,
      agreementDecider,
      await this.withFacts(command),
      context,
    );
  }

  private async withFacts(request: AgreementRequest): Promise<AgreementCommand> {
    if (request.type !== 'ProposeAgreement') return request;
    return { ...request, partnership: await this.partnerships.factsOf(request.data.partnershipId) };
  }
}
