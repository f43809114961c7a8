import { useId } from 'react';
import type { Choice } from '../../kit/SelectField';
import { FieldErrors } from '../../kit/FieldErrors';

/**
 * Partners to pick, as checkboxes named `name` (a fieldset, so its legend is read with each):
 * the parties to an agreement, a conflict, a session.
 */
export function PartnerChoices({
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
      className={errors.length ? 'partner-choices field-invalid' : 'partner-choices'}
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
export function chosenValues(form: FormData, name: string): string[] {
  return form.getAll(name).filter((value): value is string => typeof value === 'string');
}
