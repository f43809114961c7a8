import { residentContactOf, residentOf } from './personal-fields';

/**
 * Whom a subject access report (or an erasure) is about: a person of the directory, or the
 * resident who gave one feedback through the public form (known only by that feedback).
 */
export type DataSubject =
  | { readonly kind: 'person'; readonly personId: string }
  | { readonly kind: 'resident'; readonly feedbackId: string };

/** The key subjects that seal a data subject's fields: a resident's text and contact apart. */
export function keySubjectsOf(subject: DataSubject): readonly string[] {
  switch (subject.kind) {
    case 'person':
      return [subject.personId];
    case 'resident':
      return [residentOf(subject.feedbackId), residentContactOf(subject.feedbackId)];
  }
}
