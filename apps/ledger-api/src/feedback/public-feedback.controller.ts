import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Logger,
  Param,
  Post,
  Req,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AnonymousRefusals, PublicFeedbackForms } from '@cohesion/application';
import { accessAttemptOf } from '../access-audit/access-attempt';
import { LimitedPerAddress } from '../abuse-limits/public-form-limit';
import { PublicRoute } from '../authorization/authorize.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import {
  PublicFeedbackDto,
  PublicFeedbackFormDocument,
  PublicFeedbackReceivedDocument,
} from './public-feedback.dto';

const RECEIVED: PublicFeedbackReceivedDocument = { status: 'received' };

/**
 * A partnership's public feedback form, for residents without an account (a link or a printed QR
 * code leads to it). Unauthenticated writes are bounded: per address (`LimitedPerAddress`), per
 * partnership and day, by the form's token (not sooner than a few seconds after it was loaded,
 * not later than a day), and a honeypot field answers robots without recording anything.
 */
@ApiTags('feedback')
@Controller('partnerships/:partnershipId/public-feedback')
export class PublicFeedbackController {
  private readonly logger = new Logger(PublicFeedbackController.name);

  constructor(
    private readonly forms: PublicFeedbackForms,
    private readonly anonymous: AnonymousRefusals,
  ) {}

  @PublicRoute()
  @Get()
  @ApiOperation({
    summary:
      "What the public feedback form needs: the partnership's name, whether it takes feedback " +
      '(not when suspended or closed), and a form token to send back with the feedback',
  })
  @ApiOkResponse({ type: PublicFeedbackFormDocument })
  @ApiProblems(404)
  form(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
  ): Promise<PublicFeedbackFormDocument> {
    return this.forms.formOf(partnershipId);
  }

  @PublicRoute()
  @LimitedPerAddress()
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Give feedback through the public form, without an account: recorded as resident feedback ' +
      'about the partnership (web channel). A contact is kept only with `consent: true`. ' +
      'Refused (422) when the form token is not this ledger’s, younger than the minimum fill ' +
      'time or older than a day, when the partnership is suspended or closed, or has taken its ' +
      'daily share; 429 (Retry-After) after a few submissions from one address in an hour.',
  })
  @ApiAcceptedResponse({ type: PublicFeedbackReceivedDocument })
  @ApiProblems(400, 404, 422, 429, 503)
  async submit(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @Body() body: PublicFeedbackDto,
    @Req() request: Request,
  ): Promise<PublicFeedbackReceivedDocument> {
    const { website, consent: _consent, ...submission } = body;
    if (website !== undefined && website !== '') {
      this.trapped(request);
      return RECEIVED;
    }
    await this.forms.submit(partnershipId, submission);
    return RECEIVED;
  }

  /** A robot filled the hidden field: answered as if received, counted in the access audit. */
  private trapped(request: Request): void {
    this.logger.warn(`Public feedback honeypot filled on ${request.originalUrl}; nothing recorded`);
    this.anonymous.count(accessAttemptOf(request), {
      type: 'AccessDenied',
      status: HttpStatus.ACCEPTED,
      reason: 'public-feedback-honeypot: a hidden field was filled; nothing recorded',
      conflictId: null,
    });
  }
}
