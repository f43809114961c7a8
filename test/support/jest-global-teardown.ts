import { rmSync } from 'node:fs';
import { CLI_BUILD_DIR_SETTING } from './ledger-cli-build-dir';

export default function globalTeardown(): void {
  const dir = process.env[CLI_BUILD_DIR_SETTING];
  if (dir) rmSync(dir, { recursive: true, force: true });
}
