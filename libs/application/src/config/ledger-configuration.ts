import type { DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { validateLedgerConfig } from './ledger-config';

/** The ledger's settings, validated, from the environment read when called (not when imported), so tests can set it first. */
export function ledgerConfiguration(): Promise<DynamicModule> {
  return ConfigModule.forRoot({
    isGlobal: true,
    ignoreEnvFile: true,
    validate: validateLedgerConfig,
  });
}
