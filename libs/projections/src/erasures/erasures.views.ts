import type { DataSubject, ErasureStatus } from '@cohesion/domain';

/** The statuses an erasure request can be in. */
export const ERASURE_STATUSES: readonly Exclude<ErasureStatus, 'none'>[] = [
  'requested',
  'carried_out',
  'declined',
];

/** One step of an erasure: who took it, when (recorded), and why. */
export interface ErasureStep {
  readonly by: string;
  readonly at: string;
  readonly reason: string;
}

/** An erasure request as administrators and auditors see it. */
export interface ErasureView {
  readonly erasureId: string;
  readonly dataSubject: DataSubject;
  /** The key-store subjects whose keys it destroys (or destroyed). */
  readonly subjects: readonly string[];
  readonly status: Exclude<ErasureStatus, 'none'>;
  readonly requested: ErasureStep;
  readonly carriedOut: ErasureStep | null;
  readonly declined: ErasureStep | null;
}
