import type { FieldProblems } from '../api/problem';
import { useT } from '../i18n/use-t';

/**
 * What went wrong, at the top of a form or a page: the reasons that belong to no field, and the
 * ledger rule that refused a command. Announced as soon as it appears (role=alert).
 */
export function ProblemAlert({ problems }: { readonly problems: FieldProblems }) {
  const t = useT();
  const fieldCount = Object.keys(problems.fields).length;
  return (
    <div role="alert" className="problem">
      <p className="problem-title">{t('problem.title')}</p>
      <ul>
        {problems.general.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
        {fieldCount > 0 ? <li>{t('problem.seeFields', { count: fieldCount })}</li> : null}
      </ul>
    </div>
  );
}
