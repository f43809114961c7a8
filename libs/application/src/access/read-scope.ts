import type Database from 'better-sqlite3';
import {
  type ConflictCasesFilter,
  countVisibleConflictCases,
  isCurrentMember,
  memberPartnershipIds,
  partnershipExists,
  type PartnershipCountsView,
} from '@cohesion/projections';
import type { Principal } from './principal';
import { AggregateNotFound } from '@cohesion/domain';
import { accessDenied, concealing } from '../errors';
import { hasRole, partnerOf, readsEverything } from './access-rules';

/**
 * The partnerships a reader may see: all of them for administrators and auditors, those it is a
 * current member of for a partner (from the partnership overview read model, which commands
 * await before answering, so a partner reads what it has just joined), none for anyone else.
 */
export type PartnershipScope =
  | { readonly everything: true }
  | { readonly everything: false; readonly partnershipIds: readonly string[] };

export function partnershipScopeOf(db: Database.Database, viewer: Principal): PartnershipScope {
  if (readsEverything(viewer)) return { everything: true };
  const partnerId = partnerOf(viewer);
  return {
    everything: false,
    partnershipIds: partnerId === undefined ? [] : memberPartnershipIds(db, partnerId),
  };
}

/** Whether the viewer may see what belongs to this partnership. */
export function seesPartnership(
  db: Database.Database,
  viewer: Principal,
  partnershipId: string,
): boolean {
  if (readsEverything(viewer)) return true;
  const partnerId = partnerOf(viewer);
  return partnerId !== undefined && isCurrentMember(db, partnershipId, partnerId);
}

/**
 * Refuses a reader who may not see this partnership's objects, with `unknown()`, the very answer
 * an unknown partnership gets; marked as concealing when the partnership exists, so that the
 * access audit records the refusal.
 */
export function assertSeesPartnership(
  db: Database.Database,
  viewer: Principal,
  partnershipId: string,
  unknown: () => Error = () => new AggregateNotFound('Partnership', partnershipId),
): void {
  if (seesPartnership(db, viewer, partnershipId)) return;
  throw partnershipExists(db, partnershipId) ? concealing(unknown()) : unknown();
}

/** The partnership filters of a list, narrowed to what the viewer may see. */
export interface ScopedPartnerships {
  readonly partnershipId?: string;
  readonly partnershipIn?: readonly string[];
}

/**
 * A list shows only the viewer's partnerships: when it names one the viewer is not a member of,
 * 403 (whether or not it exists); when it names none, the viewer's own.
 */
export function scopedPartnerships(
  db: Database.Database,
  viewer: Principal,
  named: string | undefined,
): ScopedPartnerships {
  const scope = partnershipScopeOf(db, viewer);
  if (scope.everything) return named === undefined ? {} : { partnershipId: named };
  if (named === undefined) return { partnershipIn: scope.partnershipIds };
  if (scope.partnershipIds.includes(named)) return { partnershipId: named };
  throw accessDenied(`You read only the partnerships you are a member of`);
}

/** A partner's own reports (accountability, contributions): its own, or any for readers of all. */
export function seesPartner(viewer: Principal, partnerId: string): boolean {
  return readsEverything(viewer) || partnerOf(viewer) === partnerId;
}

/**
 * The conflict cases a reader may see (their parties and mediators, see `maySeeConflict`):
 * `undefined`, all of them, for administrators and auditors.
 */
export function conflictReaderOf(viewer: Principal): ConflictCasesFilter['visibleTo'] {
  if (readsEverything(viewer)) return undefined;
  return {
    partnerId: partnerOf(viewer),
    mediator: hasRole(viewer, 'mediator') ? viewer.sub : undefined,
  };
}

/**
 * A partnership's counts as this reader may see them: that a conflict exists is confidential to
 * its parties and mediator, so a member counts only the cases it may see.
 */
export function countsSeenBy<T extends { readonly counts: PartnershipCountsView }>(
  db: Database.Database,
  viewer: Principal,
  partnershipId: string,
  view: T,
): T {
  const reader = conflictReaderOf(viewer);
  if (reader === undefined) return view;
  const conflicts = countVisibleConflictCases(db, partnershipId, reader);
  return { ...view, counts: { ...view.counts, conflicts } };
}
