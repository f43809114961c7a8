import { verifySignedTreeHead } from '@cohesion/merkle';
import type { TreeHeadDocument } from '@cohesion/application';

export interface TreeHeadPublicKey {
  readonly keyId: string;
  readonly pem: string;
}

export interface SignatureChecks {
  /** Why each head whose signature was checked and failed, failed. */
  readonly failures: ReadonlyMap<TreeHeadDocument, string>;
  readonly checked: number;
  /** Heads signed with another key than the configured one: not checked here. */
  readonly otherKeys: number;
}

/** Checks the signature of every stored head made with the ledger's current key. */
export async function checkSignatures(
  heads: readonly TreeHeadDocument[],
  publicKey: TreeHeadPublicKey | undefined,
): Promise<SignatureChecks> {
  const failures = new Map<TreeHeadDocument, string>();
  let checked = 0;
  for (const head of heads) {
    if (head.keyId !== publicKey?.keyId) continue;
    checked += 1;
    await verifySignedTreeHead(head, publicKey.pem).catch((error: unknown) => {
      failures.set(head, error instanceof Error ? error.message : String(error));
    });
  }
  return { failures, checked, otherKeys: heads.length - checked };
}

export const describeHead = (head: TreeHeadDocument): string =>
  `the tree head signed at ${head.timestamp} (size ${head.treeSize})`;
