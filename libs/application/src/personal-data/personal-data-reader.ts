import { Inject, Injectable } from '@nestjs/common';
import { type JsonValue, type KeyStore, openAll, type SealedValue } from '@cohesion/personal-data';
import { PERSONAL_DATA_KEYS } from './personal-data-keys';

/** A view with its personal fields opened: each field that may be sealed is a plain value. */
export type Opened<T> = {
  [K in keyof T]: SealedValue extends T[K] ? Exclude<T[K], SealedValue> : T[K];
};

/**
 * Opens the sealed personal fields of whatever is about to be served, sent or compared (a view,
 * an export row, an event): each becomes its value, or `[erased YYYY-MM-DD]` once its key was
 * destroyed, or `[unreadable]`. Read models keep the envelopes; only what leaves is opened.
 */
@Injectable()
export class PersonalDataReader {
  constructor(@Inject(PERSONAL_DATA_KEYS) private readonly keys: KeyStore) {}

  /** `value` with every envelope inside it opened (a copy when it held any). */
  open<T>(value: T): T {
    // The opened value has the shape the caller gave, each envelope in place of its content.
    return openAll(value as JsonValue, this.keys).value as T;
  }

  /** A view whose top-level fields may be sealed, with them opened (typed as such). */
  openView<T extends object>(view: T): Opened<T> {
    return this.open(view) as Opened<T>;
  }

  /** A personal text opened: its value, or the marker of an erased or unreadable one. */
  text(value: unknown): string {
    const opened = this.open(value);
    return typeof opened === 'string' ? opened : JSON.stringify(opened);
  }
}
