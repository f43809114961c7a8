import type Database from 'better-sqlite3';
import { isCurrentMember, memberPartnershipIds } from '@cohesion/projections';
import type { Principal } from './principal';
import { partnerOf, readsEverything } from './access-rules';
import { accessDenied } from '../errors';

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
