import { Module } from '@nestjs/common';
import { DemoCommand } from './demo/demo.command';
import { ExportCommand } from './export-import/export.command';
import { ImportCommand } from './export-import/import.command';
import { LedgerCommand } from './ledger.command';
import { VerifyConsistencyCommand } from './offline/verify-consistency.command';
import { VerifyInclusionCommand } from './offline/verify-inclusion.command';
import { VerifyTreeHeadCommand } from './offline/verify-tree-head.command';
import { InvitePersonCommand } from './people/invite-person.command';
import { PeopleCommand } from './people/people.command';
import { RebuildCommand } from './rebuild/rebuild.command';
import { ReplayCommand } from './replay/replay.command';
import { ReplayConflictCommand } from './replay/replay-conflict.command';
import { StatsCommand } from './stats/stats.command';
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
    DemoCommand,
    RebuildCommand,
    ReplayCommand,
    ReplayConflictCommand,
    ExportCommand,
    ImportCommand,
    StatsCommand,
    PeopleCommand,
    InvitePersonCommand,
  ],
})
export class LedgerCliModule {}
