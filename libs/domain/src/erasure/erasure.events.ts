/**
 * Whose data an erasure is about: a person of the directory, or the resident who gave one piece
 * of feedback through the public form (residents have no account: their feedback names them).
 */
export type DataSubject =
  | { readonly kind: 'person'; readonly personId: string }
  | { readonly kind: 'resident'; readonly feedbackId: string };

/**
 * An erasure request (GDPR Art. 17), in its own stream: recorded, then carried out (the data
 * subjects' keys are destroyed) or declined, each by an administrator with a reason. The events
 * name subjects by opaque ids only: the log keeps the record of the erasure, never what was erased.
 */
export type ErasureEvent =
  | {
      type: 'ErasureRequested';
      data: {
        erasureId: string;
        dataSubject: DataSubject;
        /** The key-store subjects the data subject's fields are sealed for. */
        subjects: string[];
        reason: string;
        requestedBy: string;
      };
    }
  | {
      type: 'ErasureCarriedOut';
      data: {
        erasureId: string;
        subjects: string[];
        reason: string;
        carriedOutBy: string;
        /**
         * The instant it was decided (ISO-8601), which the key store records as the keys'
         * destruction time: a key destroyed at or after it was destroyed by this erasure (or a
         * later one), a key destroyed before it was not.
         */
        carriedOutAt: string;
      };
    }
  | { type: 'ErasureDeclined'; data: { erasureId: string; reason: string; declinedBy: string } };
