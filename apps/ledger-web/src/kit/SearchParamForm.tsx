import { type ReactNode, useId } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../i18n/use-t';
import { formText } from './form-text';

/**
 * One setting of a report (a date it is read as of, a valuation policy…), kept in the address so
 * that the view can be shared and reloaded as it is.
 */
export function SearchParamForm({
  name,
  label,
  value,
  type = 'text',
  hint,
}: {
  readonly name: string;
  readonly label: ReactNode;
  readonly value: string;
  readonly type?: 'text' | 'date';
  readonly hint?: ReactNode;
}) {
  const t = useT();
  const id = useId();
  const [search, setSearch] = useSearchParams();
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        const entered = formText(new FormData(event.currentTarget), name).trim();
        const next = new URLSearchParams(search);
        if (entered) next.set(name, entered);
        else next.delete(name);
        setSearch(next);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={value}
        key={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <button type="submit">{t('form.apply')}</button>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </form>
  );
}
