/** One thing a principal did: an event of the log, and under which command it was recorded. */
export interface AuditEntryView {
  /** Position in the whole log (decimal string, 64-bit): the trail's order. */
  readonly position: string;
  readonly recordedAt: string;
  readonly actor: {
    readonly sub: string;
    readonly partnerId: string | null;
    readonly roles: readonly string[];
  };
  readonly stream: string;
  readonly revision: string;
  readonly type: string;
  readonly eventId: string;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
}
