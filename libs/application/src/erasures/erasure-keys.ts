import { Inject, Injectable } from '@nestjs/common';
import type { KeyStore } from '@cohesion/personal-data';
import { PERSONAL_DATA_KEYS } from '../personal-data/personal-data-keys';

/** What destroying an erasure's keys needs to know of it. */
export interface CarriedOutErasure {
  readonly subjects: readonly string[];
  /** When it was carried out (ISO-8601): the keys' destruction time in the key store. */
  readonly carriedOutAt: string;
}

/**
 * Destroys the keys of carried-out erasures, at most once each: a subject whose keys were
 * destroyed at or after the erasure was carried out (by it, or by a later erasure) is left alone,
 * so that a key made since (a resident who came back and wrote again) is not destroyed by an
 * erasure that came before it. Safe to repeat, after a retried command or at every start.
 */
@Injectable()
export class ErasureKeys {
  constructor(@Inject(PERSONAL_DATA_KEYS) private readonly keys: KeyStore) {}

  /** How many keys it destroyed (0 when every erasure had already been carried through). */
  destroyOutstanding(erasures: readonly CarriedOutErasure[]): number {
    const erasedAt = new Map(
      this.keys.erasedSubjects().map(({ subject, destroyedAt }) => [subject, destroyedAt]),
    );
    let destroyed = 0;
    for (const { subjects, carriedOutAt } of erasures) {
      const at = new Date(carriedOutAt);
      for (const subject of subjects) {
        const last = erasedAt.get(subject);
        if (last !== undefined && Date.parse(last) >= at.getTime()) continue;
        const count = this.keys.destroySubjectKeys(subject, at);
        if (count > 0) erasedAt.set(subject, at.toISOString());
        destroyed += count;
      }
    }
    return destroyed;
  }
}
