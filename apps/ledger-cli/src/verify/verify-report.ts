import type { Damage, LedgerCheckReport } from './ledger-check';

/** The one-line refusal: what is damaged, exactly where, and how much before it is intact. */
export function damageMessage(damage: Damage, report: LedgerCheckReport): string {
  const intact = `${report.events} event${report.events === 1 ? '' : 's'} before it verified`;
  switch (damage.kind) {
    case 'event':
      return (
        `damaged event at position ${damage.position}: stream ${damage.stream}, revision ` +
        `${damage.revision} (event ${damage.eventId}): ${damage.reason}; ${intact}`
      );
    case 'merkle-log':
      return `damaged Merkle log: ${damage.reason}; ${intact}`;
    case 'tree-head':
      return `signed tree head refuted: ${damage.reason}`;
  }
}

/** What was verified, for stdout: the first line is the verdict. */
export function successLines(report: LedgerCheckReport, keyId: string | undefined): string[] {
  const stored =
    report.storedLeaves === undefined
      ? 'no Merkle log in the read models yet (the API builds it)'
      : report.storedLeaves === report.events
        ? `the stored tree matches, node for node`
        : `the stored tree matches its ${report.storedLeaves} leaves (the API has not projected the rest yet)`;
  const { matched, signed, otherKeys } = report.heads;
  const signatures =
    keyId === undefined
      ? 'signatures not checked (no tree-head key found)'
      : `${signed} signature${signed === 1 ? '' : 's'} checked with key ${keyId}`;
  const others = otherKeys > 0 ? `; ${otherKeys} signed with another key, not checked` : '';
  return [
    `all ${report.events} events verified`,
    `  file structure: every page, key and index sound (PRAGMA integrity_check), positions gap-free`,
    `  hash chains: ${report.streams} streams, every event matches its hash and the one before it`,
    `  Merkle log: recomputed root ${report.root}; ${stored}`,
    `  signed tree heads: ${matched} match the events; ${signatures}${others}`,
  ];
}
