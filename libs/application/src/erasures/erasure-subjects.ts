import type { DataSubject } from '@cohesion/domain';
import { residentContactOf, residentOf } from '../personal-data/personal-fields';

/**
 * The key-store subjects a data subject's fields are sealed for (see personal-fields.ts): a
 * person's own id; a resident's text and, apart, the contact details they left with it.
 */
export function subjectsOf(dataSubject: DataSubject): string[] {
  switch (dataSubject.kind) {
    case 'person':
      return [dataSubject.personId];
    case 'resident':
      return [residentOf(dataSubject.feedbackId), residentContactOf(dataSubject.feedbackId)];
  }
}
