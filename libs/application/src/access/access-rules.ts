import type { Principal, Role } from './principal';

/**
 * The per-object rules, as pure functions of the principal and what the ledger knows of the
 * object. Route rules say which roles may call a route at all; these say on which objects.
 */

export function hasRole(principal: Principal, role: Role): boolean {
  return (principal.roles ?? []).includes(role);
}

/** Administrators and auditors read everything (auditors write nothing: no write route lets them). */
export function readsEverything(principal: Principal): boolean {
  return hasRole(principal, 'admin') || hasRole(principal, 'auditor');
}

/** The partner a principal acts for, only when it holds the partner role. */
export function partnerOf(principal: Principal): string | undefined {
  return hasRole(principal, 'partner') ? principal.partnerId : undefined;
}

/** A partner acts in a partnership it is a current member of; an administrator in any. */
export function mayActIn(principal: Principal, memberIds: readonly string[]): boolean {
  if (hasRole(principal, 'admin')) return true;
  const partnerId = partnerOf(principal);
  return partnerId !== undefined && memberIds.includes(partnerId);
}

/** Who a conflict case concerns: the raiser, the parties raised against, and its mediator. */
export interface CaseParticipants {
  readonly raisedBy?: string;
  readonly parties: readonly string[];
  /** The mediator every party accepted. */
  readonly mediatorId?: string | null;
  /** The mediator proposed and awaiting the parties' answers. */
  readonly proposedMediatorId?: string | null;
}

/** A party to the case, acting for its own partner id. */
export function isCaseParty(principal: Principal, conflict: CaseParticipants): boolean {
  const partnerId = partnerOf(principal);
  return (
    partnerId !== undefined &&
    (conflict.raisedBy === partnerId || conflict.parties.includes(partnerId))
  );
}

/** The case's mediator, accepted or proposed, as the person (`sub`) who authenticated. */
export function isCaseMediator(principal: Principal, conflict: CaseParticipants): boolean {
  return (
    hasRole(principal, 'mediator') &&
    (conflict.mediatorId === principal.sub || conflict.proposedMediatorId === principal.sub)
  );
}

/**
 * A conflict case, its statements and mediation notes are confidential to its parties, its
 * mediator, administrators and auditors; anyone else is told it does not exist.
 */
export function maySeeConflict(principal: Principal, conflict: CaseParticipants): boolean {
  return (
    readsEverything(principal) ||
    isCaseParty(principal, conflict) ||
    isCaseMediator(principal, conflict)
  );
}

/** Acting on a case: its parties, its mediator, or an administrator (auditors only read). */
export function mayActOnConflict(principal: Principal, conflict: CaseParticipants): boolean {
  return (
    hasRole(principal, 'admin') ||
    isCaseParty(principal, conflict) ||
    isCaseMediator(principal, conflict)
  );
}
