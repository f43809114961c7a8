import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiCommand } from '../commands/api-command.decorator';
import {
  type CommandContext,
  commandFrom,
  type CommandResult,
  FeedbackCommandMessage,
  type FeedbackRequest,
  idInPartnership,
} from '@cohesion/application';
import { CurrentCommandContext } from '../commands/command-context.decorator';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import { ActionTakenDto, SubmitFeedbackDto, subjectOf } from './feedback.dto';
import { Authorize, AuthorizeAnyoneWriting } from '../authorization/authorize.decorator';
import { SCOPES } from '../authorization/scopes';

type Data<T extends FeedbackRequest['type']> = Extract<FeedbackRequest, { type: T }>['data'];

/** Who acknowledges or marks feedback acted on is the principal (the decider reads it). */
@ApiTags('feedback')
@Controller('feedback')
export class FeedbackController {
  constructor(private readonly commands: CommandBus) {}

  private send<T extends FeedbackRequest['type']>(
    type: T,
    data: Data<T>,
    context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.execute(
      new FeedbackCommandMessage(commandFrom<FeedbackRequest>(type, data, context), context),
    );
  }

  @AuthorizeAnyoneWriting('a resident needs no role; the partnership must exist')
  @Post()
  @ApiCommand('Submit feedback about a partnership, objective, commitment or meeting', {
    creates: true,
  })
  submit(
    @Body() body: SubmitFeedbackDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send(
      'SubmitFeedback',
      {
        ...body,
        feedbackId: idInPartnership(body.partnershipId, body.feedbackId, context, 'feedback'),
        subject: subjectOf(body.subject),
      },
      context,
    );
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnObject)
  @Post(':feedbackId/acknowledgement')
  @ApiCommand('Acknowledge feedback (once)')
  acknowledge(
    @Param('feedbackId', LedgerIdPipe) feedbackId: string,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('AcknowledgeFeedback', { feedbackId }, context);
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnObject)
  @Post(':feedbackId/action')
  @ApiCommand('Record what was done in answer: the feedback accepts nothing new afterwards')
  actOn(
    @Param('feedbackId', LedgerIdPipe) feedbackId: string,
    @Body() body: ActionTakenDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('MarkFeedbackActedOn', { ...body, feedbackId }, context);
  }
}
