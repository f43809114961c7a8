import { Field } from '../../kit/Field';
import { TextAreaField } from '../../kit/TextAreaField';
import { ActFields, actOf } from '../../kit/command/ActFields';
import type { ErrorsOf } from '../../kit/command/CommandForm';
import { idFromName } from '../../kit/form-lines';
import { formText, optionalText } from '../../kit/form-text';

/** What a new thing is called, and its id (made from the name when left empty). */
export function NameAndIdFields({
  idField,
  nameLabel,
  idLabel,
  idHint,
  errorsOf,
}: {
  readonly idField: string;
  readonly nameLabel: string;
  readonly idLabel: string;
  readonly idHint: string;
  readonly errorsOf: ErrorsOf;
}) {
  return (
    <>
      <Field
        name="name"
        label={nameLabel}
        required
        maxLength={200}
        autoComplete="off"
        errors={errorsOf('name')}
      />
      <Field
        name={idField}
        label={idLabel}
        hint={idHint}
        autoComplete="off"
        errors={errorsOf(idField)}
      />
    </>
  );
}

/** The name typed, and the id typed or made from it ('' when the name has no letter or digit). */
export function nameAndIdOf(form: FormData, idField: string): { name: string; id: string } {
  const name = formText(form, 'name').trim();
  return { name, id: optionalText(form, idField) ?? idFromName(name) };
}

/** Why (kept in the history), and "it happened earlier": what a departure or a retirement asks. */
export function ReasonFields({
  label,
  hint,
  errorsOf,
}: {
  readonly label: string;
  readonly hint?: string;
  readonly errorsOf: ErrorsOf;
}) {
  return (
    <>
      <TextAreaField
        name="reason"
        rows={2}
        label={label}
        hint={hint}
        required
        errors={errorsOf('reason')}
      />
      <ActFields errorsOf={errorsOf} />
    </>
  );
}

/** The reason and the act's dates, from a submitted form. */
export function reasonOf(form: FormData): ReturnType<typeof actOf> & { reason: string } {
  return { reason: formText(form, 'reason').trim(), ...actOf(form) };
}
