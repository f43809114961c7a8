import { CommandFactory } from 'nest-commander';
import { LedgerCliModule } from './ledger-cli.module';

/**
 * The operator CLI: `npm run ledger -- --help`. Results go to stdout and nothing else does, so
 * that `$(npm run -s ledger -- token issue …)` captures exactly the result; messages go to stderr.
 */
async function main(): Promise<void> {
  await CommandFactory.run(LedgerCliModule, {
    logger: false,
    serviceErrorHandler: (error: Error) => {
      process.stderr.write(`ledger: ${error.message}\n`);
      process.exitCode = 1;
    },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`ledger: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
