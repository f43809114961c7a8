import { CommandRunner, Option, SubCommand } from 'nest-commander';
import { readConsistencyProof, readPublicKey, readTreeHead } from './json-files';
import { verifyConsistencyProof } from './offline-checks';
import { PUBLIC_KEY_OPTION, printVerdict } from './command-parts';

interface Options {
  readonly publicKey: string;
  readonly oldTreeHead?: string;
  readonly newTreeHead?: string;
}

@SubCommand({
  name: 'verify-consistency',
  arguments: '<proof.json>',
  description:
    'Check a consistency proof saved from GET /verifiable-history/consistency-proof: the newer ' +
    'signed tree head extends the older one',
})
export class VerifyConsistencyCommand extends CommandRunner {
  async run([file]: string[], options: Options): Promise<void> {
    const proof = await readConsistencyProof(file);
    const head = (path?: string) => (path === undefined ? undefined : readTreeHead(path));
    const verdict = await verifyConsistencyProof(proof, await readPublicKey(options.publicKey), {
      oldTreeHead: await head(options.oldTreeHead),
      newTreeHead: await head(options.newTreeHead),
    });
    printVerdict(verdict);
  }

  @Option(PUBLIC_KEY_OPTION)
  parsePublicKey(value: string): string {
    return value;
  }

  @Option({
    flags: '--old-tree-head <head.json>',
    description: 'the tree head you kept (default: the one in the proof file)',
  })
  parseOldTreeHead(value: string): string {
    return value;
  }

  @Option({
    flags: '--new-tree-head <head.json>',
    description: 'the later tree head (default: the one in the proof file)',
  })
  parseNewTreeHead(value: string): string {
    return value;
  }
}
