import { Module } from '@nestjs/common';
import { DemoCommand } from './demo/demo.command';
import { ExportCommand } from './export-import/export.command';
import { ImportCommand } from './export-import/import.command';
import { ledgerCommandOf } from './ledger.command';
import { VerifyConsistencyCommand } from './offline/verify-consistency.command';
import { VerifyInclusionCommand } from './offline/verify-inclusion.command';
import { VerifyTreeHeadCommand } from './offline/verify-tree-head.command';
import { InvitePersonCommand } from './people/invite-person.command';
import { PeopleCommand } from './people/people.command';
import { PersonalDataScanCommand } from './personal-data/personal-data-scan.command';
import { PersonalDataCommand } from './personal-data/personal-data.command';
import { RebuildCommand } from './rebuild/rebuild.command';
import { ReplayCommand } from './replay/replay.command';
import { ReplayConflictCommand } from './replay/replay-conflict.command';
import { RetentionApplyCommand } from './retention/retention-apply.command';
import { RetentionCommand } from './retention/retention.command';
import { StatsCommand } from './stats/stats.command';
import { IssueTokenCommand } from './token/issue-token.command';
import { TokenCommand } from './token/token.command';
import { VerifyCommand } from './verify/verify.command';

/** The commands under `ledger`, in the order its help lists them. */
const COMMANDS = [
  TokenCommand,
  VerifyCommand,
  VerifyTreeHeadCommand,
  VerifyInclusionCommand,
  VerifyConsistencyCommand,
  DemoCommand,
  RebuildCommand,
  ReplayCommand,
  ExportCommand,
  ImportCommand,
  StatsCommand,
  PeopleCommand,
  RetentionCommand,
  PersonalDataCommand,
];

@Module({
  providers: [
    ledgerCommandOf(COMMANDS),
    ...COMMANDS,
    IssueTokenCommand,
    ReplayConflictCommand,
    InvitePersonCommand,
    RetentionApplyCommand,
    PersonalDataScanCommand,
  ],
})
export class LedgerCliModule {}
