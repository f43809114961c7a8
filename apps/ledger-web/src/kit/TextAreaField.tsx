import { type ReactNode, type TextareaHTMLAttributes, useId } from 'react';
import { FieldErrors } from './FieldErrors';

interface TextAreaFieldProps
  extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name'> {
  readonly name: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly errors?: readonly string[];
}

/** A labelled text area whose hint and errors are read with it, as `Field` does for inputs. */
export function TextAreaField({ name, label, hint, errors = [], ...area }: TextAreaFieldProps) {
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
      <textarea
        id={id}
        name={name}
        rows={6}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={describedBy.length ? describedBy.join(' ') : undefined}
        {...area}
      />
    </div>
  );
}
