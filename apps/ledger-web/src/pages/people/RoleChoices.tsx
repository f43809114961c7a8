import { ROLE, ROLES } from '../../i18n/people-labels';
import { useT } from '../../i18n/use-t';
import { ChoiceBoxes, ticked } from '../../kit/ChoiceBoxes';

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
    <ChoiceBoxes
      name="roles"
      legend={legend}
      choices={ROLES.map((role) => ({ value: role, label: t(ROLE[role]) }))}
      chosen={chosen}
      errors={errors}
    />
  );
}

/** The roles ticked in a submitted form. */
export function chosenRoles(form: FormData): Array<(typeof ROLES)[number]> {
  const roles = ticked(form, 'roles');
  return ROLES.filter((role) => roles.includes(role));
}
