import { Module } from '@nestjs/common';
import { ledgerCommandOf } from '../ledger.command';
import { IssueTokenCommand } from './issue-token.command';
import { TokenCommand } from './token.command';

/**
 * `ledger token …` alone: what signing a token needs (the settings and the key), without the
 * ledger's use cases, stores and read models, so that the command starts in about half the time.
 */
@Module({ providers: [ledgerCommandOf([TokenCommand]), TokenCommand, IssueTokenCommand] })
export class TokenCliModule {}
