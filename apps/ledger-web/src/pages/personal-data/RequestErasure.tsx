import { useId, useState } from 'react';
import { useLedgerClient } from '../../api/LedgerClientProvider';
import type { components } from '../../api/schema';
import { PERSON_STATUS } from '../../i18n/people-labels';
import { useT } from '../../i18n/use-t';
import { Field } from '../../kit/Field';
import { FieldErrors } from '../../kit/FieldErrors';
import { usePersonalText } from '../../kit/PersonalText';
import { SelectField } from '../../kit/SelectField';
import { TextAreaField } from '../../kit/TextAreaField';
import { CommandForm } from '../../kit/command/CommandForm';
import { formText } from '../../kit/form-text';
import { FormSection } from '../admin/FormSection';

type Person = components['schemas']['PersonDocument'];
type SubjectKind = components['schemas']['DataSubjectDto']['kind'];

const FIELDS = [
  'dataSubject',
  'dataSubject.kind',
  'dataSubject.personId',
  'dataSubject.feedbackId',
  'reason',
] as const;

/** The data subject the submitted form names: a person picked from the directory, or a resident. */
function dataSubjectOf(form: FormData): components['schemas']['DataSubjectDto'] {
  return formText(form, 'kind') === 'resident'
    ? { kind: 'resident', feedbackId: formText(form, 'feedbackId').trim() }
    : { kind: 'person', personId: formText(form, 'personId') };
}

/**
 * Records an erasure request for a person of the directory (whatever their status) or for the
 * resident who gave a piece of feedback, with the reason; nothing is erased until it is carried out.
 */
export function RequestErasure({
  people,
  onRecorded,
}: {
  readonly people: readonly Person[];
  readonly onRecorded: () => void;
}) {
  const t = useT();
  const client = useLedgerClient();
  const personalText = usePersonalText();
  const [kind, setKind] = useState<SubjectKind>('person');
  const personChoices = people
    .map((person) => ({
      value: person.personId,
      label: t('personalData.personChoice', {
        name: personalText(person.displayName),
        status: t(PERSON_STATUS[person.status]),
      }),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <FormSection title={t('personalData.request')}>
      <CommandForm
        fields={FIELDS}
        submitLabel={t('personalData.requestSubmit')}
        recordedText={t('personalData.requestRecorded')}
        onRecorded={() => {
          // The emptied form is back on its first choice.
          setKind('person');
          onRecorded();
        }}
        send={(form, init) =>
          client.POST('/erasures', {
            ...init,
            body: { dataSubject: dataSubjectOf(form), reason: formText(form, 'reason').trim() },
          })
        }
      >
        {(errorsOf) => (
          <>
            <SubjectKindChoice
              chosen={kind}
              onChoose={setKind}
              errors={[...errorsOf('dataSubject'), ...errorsOf('dataSubject.kind')]}
            />
            {kind === 'person' ? (
              <SelectField
                name="personId"
                label={t('personalData.person')}
                hint={t('personalData.personHint')}
                placeholder={t('form.choose')}
                required
                choices={personChoices}
                errors={errorsOf('dataSubject.personId')}
              />
            ) : (
              <Field
                name="feedbackId"
                label={t('personalData.feedbackId')}
                hint={t('personalData.feedbackHint')}
                required
                autoComplete="off"
                errors={errorsOf('dataSubject.feedbackId')}
              />
            )}
            <TextAreaField
              name="reason"
              rows={2}
              label={t('personalData.reason')}
              hint={t('personalData.reasonHint')}
              required
              errors={errorsOf('reason')}
            />
          </>
        )}
      </CommandForm>
    </FormSection>
  );
}

/** A person or a resident, as two radio buttons in a fieldset (arrow keys move between them). */
function SubjectKindChoice({
  chosen,
  onChoose,
  errors,
}: {
  readonly chosen: SubjectKind;
  readonly onChoose: (kind: SubjectKind) => void;
  readonly errors: readonly string[];
}) {
  const t = useT();
  const id = useId();
  const kinds = [
    { kind: 'person', label: t('personalData.kindPerson') },
    { kind: 'resident', label: t('personalData.kindResident') },
  ] as const;
  return (
    <fieldset
      className={errors.length ? 'choice-boxes field-invalid' : 'choice-boxes'}
      aria-describedby={errors.length ? `${id}-error` : undefined}
    >
      <legend>{t('personalData.subjectKind')}</legend>
      <FieldErrors id={`${id}-error`} errors={errors} />
      {kinds.map(({ kind, label }) => (
        <label key={kind}>
          <input
            type="radio"
            name="kind"
            value={kind}
            checked={chosen === kind}
            onChange={() => onChoose(kind)}
          />{' '}
          {label}
        </label>
      ))}
    </fieldset>
  );
}
