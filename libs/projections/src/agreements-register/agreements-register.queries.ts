import type Database from 'better-sqlite3';
import { type BackfillMark, backfillMarkOf } from '../projection-kit';
import { cachedStatement, fromJsonColumn, keysetList, when } from '../sql-kit';

export const AGREEMENT_STATUSES = [
  'awaiting_signatures',
  'in_force',
  'declined',
  'terminated',
  'expired',
] as const;
export type AgreementRegisterStatus = (typeof AGREEMENT_STATUSES)[number];

/** One agreement as the register lists it. */
export interface AgreementEntry {
  readonly agreementId: string;
  readonly partnershipId: string;
  readonly title: string;
  readonly status: AgreementRegisterStatus;
  readonly parties: readonly string[];
  readonly currentVersion: number;
  readonly currentTermsHash: string;
  /** Parties whose signature binds the current terms version, in the order they signed. */
  readonly signatories: readonly string[];
  /** Parties yet to sign the current terms version; none once in force or closed. */
  readonly pendingSignatures: readonly string[];
  readonly endsOn: string | null;
  readonly proposedAt: string;
  /** When the current terms version entered into force (null when it is not in force). */
  readonly inForceSince: string | null;
  /** When it was declined, terminated or expired. */
  readonly closedAt: string | null;
  readonly closedBy: string | null;
  readonly closedReason: string | null;
  readonly updatedAt: string;
  /** Revision of the agreement's stream the entry reflects. */
  readonly revision: number;
  /** Paging key: the log position of the proposal. */
  readonly seq: number;
}

/** What voided a signature: the amendment that superseded the terms version it bound. */
export interface SignatureVoid {
  /** The terms version the amendment made. */
  readonly byVersion: number;
  /** When that amendment was recorded. */
  readonly at: string;
}

export interface AgreementSignature extends BackfillMark {
  readonly partyId: string;
  readonly termsHash: string;
  /** Recorded at. */
  readonly signedAt: string;
  /** The day it was signed (effective date). */
  readonly signedOn: string;
  readonly actor: string;
  /** Null while its version is current: a signature binds one terms hash, so amending voids it. */
  readonly void: SignatureVoid | null;
}

/** One terms version: version 1 as proposed, then each amendment. */
export interface AgreementTermsVersionEntry extends BackfillMark {
  readonly version: number;
  readonly termsHash: string;
  readonly clauses: readonly { clauseId: string; text: string }[];
  /** Why it was amended; null for version 1. */
  readonly reason: string | null;
  /** The party who proposed (version 1) or amended these terms, when the principal acted for one. */
  readonly byParty: string | null;
  /** The principal who recorded it. */
  readonly actor: string;
  readonly recordedAt: string;
  /** The day these terms were proposed or amended (effective date). */
  readonly effectiveDate: string;
  readonly enteredIntoForceAt: string | null;
  /** Every signature that bound this version's hash. */
  readonly signatures: readonly AgreementSignature[];
}

export interface AgreementRecord extends AgreementEntry {
  /** Every terms version in order, the last being current: the amendment history. */
  readonly versions: readonly AgreementTermsVersionEntry[];
}

export interface AgreementsFilter {
  readonly partnershipId?: string;
  /** Only these partnerships (a reader's scope); none when empty. */
  readonly partnershipIn?: readonly string[];
  readonly status?: AgreementRegisterStatus;
  readonly party?: string;
  /** The `seq` of the last entry of the previous page. */
  readonly after?: number;
  readonly limit: number;
}

interface AgreementRow {
  agreement_id: string;
  seq: number;
  partnership_id: string;
  title: string;
  status: AgreementRegisterStatus;
  parties: string;
  signed_by: string;
  current_version: number;
  current_terms_hash: string;
  ends_on: string | null;
  proposed_at: string;
  in_force_since: string | null;
  closed_at: string | null;
  closed_by: string | null;
  closed_reason: string | null;
  updated_at: string;
  revision: number;
}

function entryOf(row: AgreementRow): AgreementEntry {
  const parties = fromJsonColumn<string[]>(row.parties);
  const signatories = fromJsonColumn<string[]>(row.signed_by);
  return {
    agreementId: row.agreement_id,
    partnershipId: row.partnership_id,
    title: row.title,
    status: row.status,
    parties,
    currentVersion: row.current_version,
    currentTermsHash: row.current_terms_hash,
    signatories,
    pendingSignatures:
      row.status === 'awaiting_signatures'
        ? parties.filter((party) => !signatories.includes(party))
        : [],
    endsOn: row.ends_on,
    proposedAt: row.proposed_at,
    inForceSince: row.in_force_since,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
    closedReason: row.closed_reason,
    updatedAt: row.updated_at,
    revision: row.revision,
    seq: row.seq,
  };
}

/**
 * `limit + 1` agreements in the order they were proposed, after `after`, filtered. With a party,
 * the walk follows that party's index; otherwise the partnership's or the status's.
 */
export function listAgreements(db: Database.Database, filter: AgreementsFilter): AgreementEntry[] {
  const byParty = filter.party !== undefined;
  const rows = keysetList<AgreementRow>(db, {
    select: 'a.*',
    from: byParty
      ? 'agreements_register_parties p JOIN agreements_register_agreements a USING (agreement_id)'
      : 'agreements_register_agreements a',
    key: byParty ? 'p.seq' : 'a.seq',
    filters: [
      when(filter.party, (party) => ['p.party_id = ?', party]),
      when(filter.partnershipId, (partnershipId) => ['a.partnership_id = ?', partnershipId]),
      when(filter.partnershipIn, (ids) => [
        'a.partnership_id IN (SELECT value FROM json_each(?))',
        JSON.stringify(ids),
      ]),
      when(filter.status, (status) => ['a.status = ?', status]),
    ],
    after: filter.after,
    limit: filter.limit,
  });
  return rows.map(entryOf);
}

interface VersionRow {
  version: number;
  terms_hash: string;
  clauses: string;
  reason: string | null;
  by_party: string | null;
  actor: string;
  recorded_at: string;
  effective_date: string;
  backfill_reason: string | null;
  entered_into_force_at: string | null;
}

interface SignatureRow {
  version: number;
  party_id: string;
  terms_hash: string;
  signed_at: string;
  signed_on: string;
  backfill_reason: string | null;
  actor: string;
}

/** The agreement with its whole amendment history and every signature; undefined when unknown. */
export function findAgreement(
  db: Database.Database,
  agreementId: string,
): AgreementRecord | undefined {
  const row = cachedStatement(
    db,
    'SELECT * FROM agreements_register_agreements WHERE agreement_id = ?',
  ).get(agreementId) as AgreementRow | undefined;
  if (!row) return undefined;
  const versions = cachedStatement(
    db,
    'SELECT * FROM agreements_register_versions WHERE agreement_id = ? ORDER BY version',
  ).all(agreementId) as VersionRow[];
  const signatures = cachedStatement(
    db,
    'SELECT * FROM agreements_register_signatures WHERE agreement_id = ? ORDER BY version, rowid',
  ).all(agreementId) as SignatureRow[];
  // Versions follow one another: version N + 1 is the amendment that superseded version N.
  const supersededBy = new Map(versions.map((next) => [next.version - 1, next]));
  return {
    ...entryOf(row),
    versions: versions.map((version) => ({
      version: version.version,
      termsHash: version.terms_hash,
      clauses: fromJsonColumn<{ clauseId: string; text: string }[]>(version.clauses),
      reason: version.reason,
      byParty: version.by_party,
      actor: version.actor,
      recordedAt: version.recorded_at,
      effectiveDate: version.effective_date,
      ...backfillMarkOf(version.backfill_reason),
      enteredIntoForceAt: version.entered_into_force_at,
      signatures: signatures
        .filter((signature) => signature.version === version.version)
        .map((signature) => ({
          partyId: signature.party_id,
          termsHash: signature.terms_hash,
          signedAt: signature.signed_at,
          signedOn: signature.signed_on,
          ...backfillMarkOf(signature.backfill_reason),
          actor: signature.actor,
          void: voidOf(supersededBy.get(version.version)),
        })),
    })),
  };
}

function voidOf(amendment: VersionRow | undefined): SignatureVoid | null {
  return amendment ? { byVersion: amendment.version, at: amendment.recorded_at } : null;
}
