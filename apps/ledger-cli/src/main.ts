import type { Type } from '@nestjs/common';
import { CommandFactory } from 'nest-commander';

/**
 * The operator CLI: `npm run ledger -- --help`. Results go to stdout and nothing else does, so
 * that `$(npx ledger token issue …)` captures exactly the result; messages go to stderr.
 */
async function main(): Promise<void> {
  await CommandFactory.run(await cliModuleFor(process.argv.slice(2)), {
    logger: false,
    serviceErrorHandler: (error: Error) => {
      process.stderr.write(`ledger: ${error.message}\n`);
      process.exitCode = 1;
    },
  });
}

/**
 * Only what the command needs is loaded: `token` (run most, often in a loop of `$(…)`) without
 * the ledger's use cases and stores; anything else with every command.
 */
async function cliModuleFor(args: readonly string[]): Promise<Type> {
  if (args[0] === 'token') return (await import('./token/token-cli.module')).TokenCliModule;
  return (await import('./ledger-cli.module')).LedgerCliModule;
}

main().catch((error: unknown) => {
  process.stderr.write(`ledger: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
