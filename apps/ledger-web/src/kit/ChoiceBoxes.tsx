import { useId } from 'react';
import { FieldErrors } from './FieldErrors';
import type { Choice } from './SelectField';

/**
 * Several choices as checkboxes named `name` (roles, a meeting's attendees, the parties to an
 * agreement or a conflict), in a fieldset whose legend is read with each, and the ledger's errors
 * about them above, read with the fieldset.
 */
export function ChoiceBoxes({
  name,
  legend,
  choices,
  chosen = [],
  errors = [],
}: {
  readonly name: string;
  readonly legend: string;
  readonly choices: readonly Choice[];
  readonly chosen?: readonly string[];
  readonly errors?: readonly string[];
}) {
  const errorId = `${useId()}-error`;
  return (
    <fieldset
      className={errors.length ? 'choice-boxes field-invalid' : 'choice-boxes'}
      aria-describedby={errors.length ? errorId : undefined}
    >
      <legend>{legend}</legend>
      <FieldErrors id={errorId} errors={errors} />
      {choices.map((choice) => (
        <label key={choice.value}>
          <input
            type="checkbox"
            name={name}
            value={choice.value}
            defaultChecked={chosen.includes(choice.value)}
          />{' '}
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The values ticked in a submitted form. */
export function ticked(form: FormData, name: string): string[] {
  return form.getAll(name).filter((value): value is string => typeof value === 'string');
}
