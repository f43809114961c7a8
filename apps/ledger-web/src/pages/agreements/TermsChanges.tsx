import type { components } from '../../api/schema';
import { useT } from '../../i18n/use-t';
import { diffTerms } from './terms-diff';

type Version = components['schemas']['AgreementTermsVersionDocument'];

/**
 * A version's clauses, marked against the version before: inserted and deleted words are <ins>
 * and <del>, and say so in words too (colour and strike-through are not enough, WCAG 1.4.1).
 */
export function TermsChanges({
  version,
  previous,
}: {
  readonly version: Version;
  readonly previous?: Version;
}) {
  const t = useT();
  const changes = diffTerms(previous?.clauses ?? [], version.clauses);
  return (
    <ol className="clauses">
      {changes.map((change) => (
        <li key={`${change.kind}-${change.clauseId}`} className={`clause clause-${change.kind}`}>
          <p className="clause-id">
            {change.clauseId}
            {previous && change.kind !== 'unchanged' ? (
              <span className="clause-change"> — {t(`diff.clause.${change.kind}`)}</span>
            ) : null}
          </p>
          {change.kind === 'changed' ? (
            <p>
              {change.words.map((word, index) =>
                word.kind === 'added' ? (
                  <ins key={index}>
                    <span className="visually-hidden">{t('diff.added')} </span>
                    {word.text}
                  </ins>
                ) : word.kind === 'removed' ? (
                  <del key={index}>
                    <span className="visually-hidden">{t('diff.removed')} </span>
                    {word.text}
                  </del>
                ) : (
                  <span key={index}>{word.text}</span>
                ),
              )}
            </p>
          ) : change.kind === 'removed' ? (
            <p>
              <del>{change.text}</del>
            </p>
          ) : (
            <p>{change.text}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
