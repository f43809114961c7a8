import { useCallback } from 'react';
import type { components } from '../../api/schema';
import { useT } from '../../i18n/use-t';
import { PersonalText, usePersonalText } from '../../kit/PersonalText';

type DataSubject = components['schemas']['DataSubjectDocument'];

/**
 * The people's names by person id, as the directory gives them (an erased one is a marker);
 * empty when the viewer may not read the directory, and people are then named by their ids.
 */
export type PeopleNames = ReadonlyMap<string, string>;

/** Whose data an erasure is about, in words: a person by name, a resident by their feedback. */
export function useSubjectText(names: PeopleNames): (subject: DataSubject) => string {
  const t = useT();
  const personalText = usePersonalText();
  return useCallback(
    (subject: DataSubject) =>
      subject.kind === 'person'
        ? personalText(names.get(subject.personId ?? '') ?? subject.personId ?? '')
        : t('personalData.resident', { feedbackId: subject.feedbackId ?? '' }),
    [names, personalText, t],
  );
}

/** The same, in a table cell: an erased name keeps the ledger's marker in its title. */
export function SubjectName({
  subject,
  names,
}: {
  readonly subject: DataSubject;
  readonly names: PeopleNames;
}) {
  const subjectText = useSubjectText(names);
  if (subject.kind !== 'person') return <>{subjectText(subject)}</>;
  const personId = subject.personId ?? '';
  return <PersonalText value={names.get(personId) ?? personId} />;
}
