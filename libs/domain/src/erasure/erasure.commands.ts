import type { Command } from '../decider';
import type { DataSubject } from './erasure.events';

/** What the directory says of a person whose erasure is carried out, looked up by the handler. */
export interface PersonFacts {
  /** Removed from the directory: an active person would lose the e-mail they sign in with. */
  readonly removed: boolean;
}

export type ErasureCommand =
  | (Command<'RequestErasure', { erasureId: string; dataSubject: DataSubject; reason: string }> & {
      /** The key-store subjects of the data subject, as the application resolves them. */
      readonly subjects: readonly string[];
    })
  | (Command<'CarryOutErasure', { erasureId: string; reason: string }> & {
      /** Present when the data subject is a person. */
      readonly person?: PersonFacts;
    })
  | Command<'DeclineErasure', { erasureId: string; reason: string }>;
