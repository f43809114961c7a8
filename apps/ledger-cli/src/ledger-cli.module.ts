import { Module } from '@nestjs/common';
import { LedgerCommand } from './ledger.command';
import { VerifyConsistencyCommand } from './offline/verify-consistency.command';
import { VerifyInclusionCommand } from './offline/verify-inclusion.command';
import { VerifyTreeHeadCommand } from './offline/verify-tree-head.command';
import { IssueTokenCommand } from './token/issue-token.command';
import { TokenCommand } from './token/token.command';
import { VerifyCommand } from './verify/verify.command';

@Module({
  providers: [
    LedgerCommand,
    TokenCommand,
    IssueTokenCommand,
    VerifyCommand,
    VerifyTreeHeadCommand,
    VerifyInclusionCommand,
    VerifyConsistencyCommand,
  ],
})
export class LedgerCliModule {}
