import type { FieldProblems } from '../api/problem';
import { isMessageKey } from '../i18n/messages';
import { useT } from '../i18n/use-t';

/**
 * What went wrong, at the top of a form or a page: the reasons that belong to no field, and the
 * ledger rule that refused a command. Announced as soon as it appears (role=alert).
 */
export function ProblemAlert({ problems }: { readonly problems: FieldProblems }) {
  const t = useT();
  const fieldCount = Object.keys(problems.fields).length;
  const ruleKey = `rule.${problems.rule ?? ''}`;
  return (
    <div role="alert" className="problem">
      <p className="problem-title">{t('problem.title')}</p>
      <ul>
        {problems.rule && isMessageKey(ruleKey) ? (
          <li>
            {t(ruleKey)}
            <LedgerWords reasons={problems.general} />
          </li>
        ) : (
          problems.general.map((reason) => <li key={reason}>{reason}</li>)
        )}
        {fieldCount > 0 ? <li>{t('problem.seeFields', { count: fieldCount })}</li> : null}
      </ul>
    </div>
  );
}

/**
 * The ledger's own words (with the ids and dates of the case) beneath the catalogue's message:
 * folded, so that the alert announces only the reader's language, and marked as English so that a
 * screen reader pronounces them as such (WCAG 3.1.2).
 */
function LedgerWords({ reasons }: { readonly reasons: readonly string[] }) {
  const t = useT();
  if (reasons.length === 0) return null;
  return (
    <details className="problem-detail">
      <summary>{t('problem.ledgerDetail')}</summary>
      {reasons.map((reason) => (
        <p key={reason} lang="en">
          {reason}
        </p>
      ))}
    </details>
  );
}
