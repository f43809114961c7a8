import { type ReactNode, type SelectHTMLAttributes, useId } from 'react';
import { FieldErrors } from './FieldErrors';

export interface Choice {
  readonly value: string;
  readonly label: string;
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name'> {
  readonly name: string;
  readonly label: ReactNode;
  readonly choices: readonly Choice[];
  readonly hint?: ReactNode;
  readonly errors?: readonly string[];
  /** A first, empty choice (for an optional pick, or to make the person choose). */
  readonly placeholder?: string;
}

/** A labelled pick-list whose hint and errors are read with it, as `Field` does for inputs. */
export function SelectField({
  name,
  label,
  choices,
  hint,
  errors = [],
  placeholder,
  ...select
}: SelectFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(
    Boolean,
  );
  return (
    <div className={errors.length ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={`${id}-error`} errors={errors} />
      <select
        id={id}
        name={name}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={describedBy.length ? describedBy.join(' ') : undefined}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
