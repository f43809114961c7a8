import { Module } from '@nestjs/common';
import { LedgerCommand } from './ledger.command';
import { IssueTokenCommand } from './token/issue-token.command';
import { TokenCommand } from './token/token.command';

@Module({ providers: [LedgerCommand, TokenCommand, IssueTokenCommand] })
export class LedgerCliModule {}
