import type { Choice } from './SelectField';

/**
 * Several choices as checkboxes named `name` (roles, a meeting's attendees), in a fieldset whose
 * legend is read with each, the ledger's errors about them above.
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
  return (
    <fieldset className="role-choices">
      <legend>{legend}</legend>
      {errors.length ? (
        <ul className="field-errors">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
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
