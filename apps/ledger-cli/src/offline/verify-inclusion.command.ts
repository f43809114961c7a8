import { CommandRunner, Option, SubCommand } from 'nest-commander';
import { readEvent, readInclusionProof, readPublicKey, readTreeHead } from './json-files';
import { verifyInclusionProof } from './offline-checks';
import { PUBLIC_KEY_OPTION, printVerdict } from './command-parts';

interface Options {
  readonly publicKey: string;
  readonly treeHead?: string;
  readonly event?: string;
}

@SubCommand({
  name: 'verify-inclusion',
  arguments: '<proof.json>',
  description:
    'Check an inclusion proof saved from GET /verifiable-history/inclusion-proof against a ' +
    'signed tree head',
})
export class VerifyInclusionCommand extends CommandRunner {
  async run([file]: string[], options: Options): Promise<void> {
    const proof = await readInclusionProof(file);
    const verdict = await verifyInclusionProof(proof, await readPublicKey(options.publicKey), {
      treeHead: options.treeHead === undefined ? undefined : await readTreeHead(options.treeHead),
      event: options.event === undefined ? undefined : await readEvent(options.event),
    });
    printVerdict(verdict);
  }

  @Option(PUBLIC_KEY_OPTION)
  parsePublicKey(value: string): string {
    return value;
  }

  @Option({
    flags: '--tree-head <head.json>',
    description: 'the signed tree head to check against (default: the one in the proof file)',
  })
  parseTreeHead(value: string): string {
    return value;
  }

  @Option({
    flags: '--event <event.json>',
    description: 'the event as GET /streams/<stream>/events served it: its content is checked too',
  })
  parseEvent(value: string): string {
    return value;
  }
}
