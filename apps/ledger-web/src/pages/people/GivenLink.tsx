import { useId, useState } from 'react';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';

/**
 * A link the ledger gave out for a person (an invitation, a password reset): shown this once, to
 * copy and pass on, since no e-mail is sent.
 */
export function GivenLink({
  name,
  url,
  expiresAt,
}: {
  readonly name: string;
  readonly url: string;
  readonly expiresAt: string;
}) {
  const t = useT();
  const format = useFormat();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = () =>
    navigator.clipboard.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div role="status" className="notice given-link">
      <p>{t('people.linkFor', { name, until: format.dateTime(expiresAt) })}</p>
      <label htmlFor={id}>{t('people.link')}</label>
      <input id={id} type="text" readOnly value={url} onFocus={(event) => event.target.select()} />
      <button type="button" onClick={() => void copy()}>
        {copied ? t('people.copied') : t('people.copy')}
      </button>
    </div>
  );
}
