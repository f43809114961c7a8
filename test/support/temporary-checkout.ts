import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPOSITORY = resolve(__dirname, '../..');
/** What `nest build` and the launchers (bin/) read: copied, so no build touches the repository's. */
const BUILD_INPUTS = ['apps', 'libs', 'bin', 'tsconfig.json', 'nest-cli.json', 'package.json'];

/**
 * A copy of the repository's build inputs in a temp directory, its node_modules the repository's
 * (linked): `npx ledger` and `node bin/ledger-api.js` run there as in the repository, compiling
 * into the copy's own dist/ and dist-cli/, and writing their data into its ./data.
 */
export interface TemporaryCheckout {
  readonly dir: string;
  remove(): void;
}

export function temporaryCheckout(prefix: string): TemporaryCheckout {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const input of BUILD_INPUTS) {
    cpSync(join(REPOSITORY, input), join(dir, input), { recursive: true });
  }
  symlinkSync(join(REPOSITORY, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
