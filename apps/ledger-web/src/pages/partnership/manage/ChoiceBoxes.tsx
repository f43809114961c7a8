import type { Choice } from '../../../kit/SelectField';

/** Several choices as checkboxes named `name`, in a fieldset whose legend is read with each. */
export function ChoiceBoxes({
  name,
  legend,
  choices,
  errors = [],
}: {
  readonly name: string;
  readonly legend: string;
  readonly choices: readonly Choice[];
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
          <input type="checkbox" name={name} value={choice.value} /> {choice.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The values ticked in a submitted form. */
export function ticked(form: FormData, name: string): string[] {
  return form.getAll(name).filter((value): value is string => typeof value === 'string');
}
