/** What every offline command shares: the `--public-key` option, and how the verdict is printed. */
export const PUBLIC_KEY_OPTION = {
  flags: '--public-key <file>',
  description:
    "the ledger's tree-head key: a PEM file, or the JSON of GET /verifiable-history/public-key",
  required: true,
} as const;

/** Output of an offline check: the verdict only, on stdout. */
export function printVerdict(verdict: string): void {
  process.stdout.write(`${verdict}\n`);
}
