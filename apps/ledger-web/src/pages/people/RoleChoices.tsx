import { ROLE, ROLES } from '../../i18n/people-labels';
import { useT } from '../../i18n/use-t';

/** The roles to give, as checkboxes named `roles` (a fieldset, so its legend is read with each). */
export function RoleChoices({
  legend,
  chosen = [],
  errors = [],
}: {
  readonly legend: string;
  readonly chosen?: readonly string[];
  readonly errors?: readonly string[];
}) {
  const t = useT();
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
      {ROLES.map((role) => (
        <label key={role}>
          <input type="checkbox" name="roles" value={role} defaultChecked={chosen.includes(role)} />{' '}
          {t(ROLE[role])}
        </label>
      ))}
    </fieldset>
  );
}

/** The roles ticked in a submitted form. */
export function chosenRoles(form: FormData): Array<(typeof ROLES)[number]> {
  return ROLES.filter((role) => form.getAll('roles').includes(role));
}
