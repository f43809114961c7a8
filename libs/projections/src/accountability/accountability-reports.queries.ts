import type Database from 'better-sqlite3';
import type { PartnerKind } from '@cohesion/domain';
import { cachedStatement } from '../sql-kit';
import { listCommitments, OPEN_STATUSES_SQL } from './accountability.queries';
import { accountabilityRoster } from './accountability.schema';
import { addCounts, NO_COMMITMENTS, summaryOf } from './accountability.summary';
import type {
  AccountabilityCounts,
  AccountabilitySummary,
  CommitmentKindView,
  CommitmentView,
} from './accountability.views';

/** A partner of a partnership, with its commitments there and their summary. */
export interface PartnerCommitmentsView {
  readonly partnerId: string;
  /** From the roster; null for a committer the roster never saw join. */
  readonly name: string | null;
  readonly kind: PartnerKind | null;
  readonly role: string | null;
  readonly member: boolean;
  readonly summary: AccountabilitySummary;
  /** In the order they were made, at most 1000: the rest through the commitments list. */
  readonly commitments: readonly CommitmentView[];
  readonly moreCommitments: boolean;
}

/** Who committed what in a partnership: its summary, and a page of its partners. */
export interface PartnershipAccountabilityView {
  readonly partnershipId: string;
  readonly name: string | null;
  readonly asOf: string;
  /**
   * Only the commitments of this kind are counted and listed, and only the partners who made
   * one ("who committed expertise?"); null: every commitment, every partner of the roster.
   */
  readonly kind: CommitmentKindView | null;
  readonly summary: AccountabilitySummary;
  readonly partners: readonly PartnerCommitmentsView[];
  /** The last partner id of this page when more partners follow, else null. */
  readonly lastPartnerId: string | null;
}

export interface PartnershipAccountabilityLine {
  readonly partnershipId: string;
  readonly name: string | null;
  readonly member: boolean;
  readonly role: string | null;
  readonly summary: AccountabilitySummary;
}

/** A partner's record across every partnership it joined or committed in. */
export interface PartnerAccountabilityView {
  readonly partnerId: string;
  readonly asOf: string;
  readonly summary: AccountabilitySummary;
  readonly partnerships: readonly PartnershipAccountabilityLine[];
}

export interface AccountabilityPartnerPage {
  readonly afterPartnerId?: string;
  readonly limit: number;
}

/** Commitments listed per partner in one answer: enough for a partnership's own, bounded. */
const COMMITMENTS_PER_PARTNER = 1000;

/** Undefined when the partnership is unknown (never founded, nothing committed in it). */
export function partnershipAccountability(
  db: Database.Database,
  partnershipId: string,
  asOf: string,
  page: AccountabilityPartnerPage,
  kind?: CommitmentKindView,
): PartnershipAccountabilityView | undefined {
  const partnership = accountabilityRoster.partnership(db, partnershipId);
  const roster = new Map(
    accountabilityRoster.partnersOf(db, partnershipId).map((p) => [p.partnerId, p]),
  );
  const counts = countsBy(db, 'partner_id', 'partnership_id', partnershipId, asOf, kind);
  if (!partnership && counts.size === 0) return undefined;
  const listed = kind === undefined ? [...roster.keys(), ...counts.keys()] : [...counts.keys()];
  const partnerIds = [...new Set(listed)].sort();
  const after = page.afterPartnerId;
  const following = partnerIds.filter((partnerId) => after === undefined || partnerId > after);
  const onPage = following.slice(0, page.limit);
  return {
    partnershipId,
    name: partnership?.name ?? null,
    asOf,
    kind: kind ?? null,
    summary: summaryOf([...counts.values()].reduce(addCounts, NO_COMMITMENTS)),
    partners: onPage.map((partnerId) => {
      const member = roster.get(partnerId);
      const commitments = listCommitments(
        db,
        { partnershipId, partnerId, kind },
        { limit: COMMITMENTS_PER_PARTNER },
        asOf,
      );
      return {
        partnerId,
        name: member?.name ?? null,
        kind: member?.kind ?? null,
        role: member?.role ?? null,
        member: member?.member ?? false,
        summary: summaryOf(counts.get(partnerId) ?? NO_COMMITMENTS),
        commitments: commitments.slice(0, COMMITMENTS_PER_PARTNER),
        moreCommitments: commitments.length > COMMITMENTS_PER_PARTNER,
      };
    }),
    lastPartnerId: following.length > page.limit ? onPage[onPage.length - 1] : null,
  };
}

/** Undefined when the partner is unknown (never joined, never committed). */
export function partnerAccountability(
  db: Database.Database,
  partnerId: string,
  asOf: string,
): PartnerAccountabilityView | undefined {
  const memberships = new Map(
    accountabilityRoster.membershipsOf(db, partnerId).map((m) => [m.partnershipId, m]),
  );
  const counts = countsBy(db, 'partnership_id', 'partner_id', partnerId, asOf);
  if (memberships.size === 0 && counts.size === 0) return undefined;
  const partnershipIds = [...new Set([...memberships.keys(), ...counts.keys()])].sort();
  return {
    partnerId,
    asOf,
    summary: summaryOf([...counts.values()].reduce(addCounts, NO_COMMITMENTS)),
    partnerships: partnershipIds.map((partnershipId) => {
      const membership = memberships.get(partnershipId);
      return {
        partnershipId,
        name: accountabilityRoster.partnership(db, partnershipId)?.name ?? null,
        member: membership?.member ?? false,
        role: membership?.role ?? null,
        summary: summaryOf(counts.get(partnershipId) ?? NO_COMMITMENTS),
      };
    }),
  };
}

type Column = 'partner_id' | 'partnership_id';

/**
 * Counts per `key` among the commitments whose `scope` column equals `id`, of `kind` when given
 * (one indexed scan).
 */
function countsBy(
  db: Database.Database,
  key: Column,
  scope: Column,
  id: string,
  asOf: string,
  kind?: CommitmentKindView,
): Map<string, AccountabilityCounts> {
  const rows = cachedStatement(
    db,
    `SELECT ${key} AS key, count(*) AS made,
       sum(${OPEN_STATUSES_SQL}) AS open,
       sum(status = 'fulfilled') AS fulfilled,
       sum(status = 'closed_partial') AS closedPartial,
       sum(status = 'released') AS released,
       sum(status = 'withdrawn') AS withdrawn,
       sum(${OPEN_STATUSES_SQL} AND due_date < @asOf) AS overdue,
       sum(coalesce(fulfilled_on_time, 0)) AS fulfilledOnTime
     FROM accountability_commitments
     WHERE ${scope} = @id AND (@kind IS NULL OR kind = @kind) GROUP BY ${key}`,
  ).all({ id, asOf, kind: kind ?? null }) as (AccountabilityCounts & { key: string })[];
  return new Map(rows.map(({ key: value, ...counts }) => [value, counts]));
}
