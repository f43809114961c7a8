import { CommandRunner, Option, SubCommand } from 'nest-commander';
import { readPublicKey, readTreeHead } from './json-files';
import { verifyTreeHead } from './offline-checks';
import { PUBLIC_KEY_OPTION, printVerdict } from './command-parts';

interface Options {
  readonly publicKey: string;
}

/** Offline: no settings, no data directory, only the files given. */
@SubCommand({
  name: 'verify-tree-head',
  arguments: '<head.json>',
  description: 'Check the signature of a tree head saved from GET /verifiable-history/tree-head',
})
export class VerifyTreeHeadCommand extends CommandRunner {
  async run([file]: string[], options: Options): Promise<void> {
    const head = await verifyTreeHead(
      await readTreeHead(file),
      await readPublicKey(options.publicKey),
    );
    printVerdict(
      `tree head verified: size ${head.treeSize}, root ${Buffer.from(head.rootHash).toString('base64')}, ` +
        `signed at ${head.timestamp}`,
    );
  }

  @Option(PUBLIC_KEY_OPTION)
  parsePublicKey(value: string): string {
    return value;
  }
}
