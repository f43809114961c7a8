import type { AccessOutcome } from './access-events';

/** One access to the ledger worth auditing: a confidential read, or a refusal. */
export interface AccessEntryView {
  /** Position in the whole log (decimal string, 64-bit): the audit's order. */
  readonly position: string;
  readonly recordedAt: string;
  readonly outcome: AccessOutcome;
  readonly principal: {
    /** `anonymous` when the request carried no valid credentials. */
    readonly sub: string;
    readonly partnerId: string | null;
    readonly roles: readonly string[];
    readonly authenticated: boolean;
  };
  readonly method: string;
  readonly route: string | null;
  readonly path: string;
  readonly conflictId: string | null;
  readonly status: number;
  readonly reason: string;
  /** How many requests the entry stands for (refusals without credentials are counted per minute). */
  readonly count: number;
  /** The pseudonymous tag of the client that sent them, for counted refusals. */
  readonly client: string | null;
  /** When the first of them came, for counted refusals. */
  readonly since: string | null;
  /** Where the access event is recorded (`access-YYYY-MM-DD`), to verify its hash chain. */
  readonly stream: string;
  readonly eventId: string;
}
