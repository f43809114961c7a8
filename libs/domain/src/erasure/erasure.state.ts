import type { DataSubject } from './erasure.events';

/** `carried_out` and `declined` are final: an erasure is answered once. */
export type ErasureStatus = 'none' | 'requested' | 'carried_out' | 'declined';

export interface ErasureState {
  readonly status: ErasureStatus;
  readonly erasureId?: string;
  readonly dataSubject?: DataSubject;
  readonly subjects: readonly string[];
  /** When it was carried out (ISO-8601): the keys' destruction time. */
  readonly carriedOutAt?: string;
}

export const initialErasureState = (): ErasureState => ({ status: 'none', subjects: [] });
