import type Database from 'better-sqlite3';
import {
  type ContributionKind,
  type PolicyEntry,
  type ValuationPolicyState,
  type ValuedContribution,
  valueContribution,
} from '@cohesion/domain';
import { cachedStatement, type PageWindow, when, whereOf } from '../sql-kit';
import type {
  ContributionValueView,
  RateUsedView,
  ValuationPolicyView,
  ValuationView,
} from './contribution-recognition.views';

interface EntryRow {
  version: number;
  entry: 'rate' | 'retirement';
  kind: ContributionKind;
  unit: string;
  effective_from: string;
  rate: number | null;
  currency: string | null;
  source: string | null;
  reason: string | null;
}

/**
 * The policy as its stream stands now, rebuilt from the projected entries so that the domain's
 * own `valueContribution` values with it; undefined for a policy never defined.
 */
export function loadValuationPolicy(
  db: Database.Database,
  policyId: string,
): ValuationPolicyState | undefined {
  const policy = cachedStatement(
    db,
    'SELECT name, currency FROM contribution_recognition_policies WHERE policy_id = ?',
  ).get(policyId) as { name: string; currency: string } | undefined;
  if (!policy) return undefined;
  return { status: 'defined', policyId, ...policy, entries: entriesOf(db, policyId) };
}

/** `limit + 1` policies after the id `after`, by id, each with every entry ever set. */
export function listValuationPolicies(
  db: Database.Database,
  page: PageWindow<string>,
): ValuationPolicyView[] {
  const { where, parameters } = whereOf([when(page.after, (id) => ['policy_id > ?', id])]);
  const rows = cachedStatement(
    db,
    `SELECT policy_id, name, currency, defined_at FROM contribution_recognition_policies ${where}
     ORDER BY policy_id LIMIT ?`,
  ).all(...parameters, page.limit + 1) as PolicyRow[];
  return rows.map((row) => ({
    policyId: row.policy_id,
    name: row.name,
    currency: row.currency,
    definedAt: row.defined_at,
    entries: entriesOf(db, row.policy_id),
  }));
}

interface PolicyRow {
  policy_id: string;
  name: string;
  currency: string;
  defined_at: string;
}

/** Every entry of the policy in the order it was set (rate versions and retirements). */
function entriesOf(db: Database.Database, policyId: string): PolicyEntry[] {
  const rows = cachedStatement(
    db,
    'SELECT * FROM contribution_recognition_rates WHERE policy_id = ? ORDER BY version',
  ).all(policyId) as EntryRow[];
  return rows.map(entryOf);
}

function entryOf(row: EntryRow): PolicyEntry {
  const { version, kind, unit, effective_from: effectiveFrom } = row;
  if (row.entry === 'retirement') {
    return { entry: 'retirement', version, kind, unit, effectiveFrom, reason: row.reason ?? '' };
  }
  return {
    entry: 'rate',
    version,
    kind,
    unit,
    effectiveFrom,
    rate: row.rate ?? 0,
    currency: row.currency ?? '',
    source: row.source ?? '',
  };
}

export interface Valuer {
  readonly valuation: ValuationView | null;
  /** The value under the policy (null without one, or without a rate that day); counted as used. */
  value(contribution: ValuedContribution): ContributionValueView | null;
  /** Every rate version applied so far, by version (face value first). */
  ratesUsed(): RateUsedView[];
}

/** Values contributions under one policy and remembers which rate versions it applied. */
export function valuerFor(policy: ValuationPolicyState | undefined): Valuer {
  const used = new Map<string, { rate: RateUsedView; contributions: number }>();
  const sources = new Map(
    (policy?.entries ?? []).flatMap((entry) =>
      entry.entry === 'rate' ? [[entry.version, entry] as const] : [],
    ),
  );
  return {
    valuation:
      policy?.policyId && policy.name !== undefined && policy.currency
        ? { policyId: policy.policyId, name: policy.name, currency: policy.currency }
        : null,
    value(contribution) {
      const value = policy && valueContribution(contribution, policy);
      if (!value) return null;
      const key = `${value.rateVersion ?? `face:${contribution.unit}`}`;
      const entry = value.rateVersion === null ? undefined : sources.get(value.rateVersion);
      const usage = used.get(key) ?? {
        rate: {
          version: value.rateVersion,
          kind: contribution.kind,
          unit: contribution.unit,
          effectiveFrom: entry?.effectiveFrom ?? null,
          rate: value.rate,
          currency: value.currency,
          source: entry?.source ?? 'face value',
          contributions: 0,
        },
        contributions: 0,
      };
      usage.contributions += 1;
      used.set(key, usage);
      return {
        amountCents: Math.round(value.amount * 100),
        currency: value.currency,
        rate: value.rate,
        rateVersion: value.rateVersion,
      };
    },
    ratesUsed() {
      return [...used.values()]
        .map(({ rate, contributions }) => ({ ...rate, contributions }))
        .sort((a, b) => (a.version ?? 0) - (b.version ?? 0));
    },
  };
}
