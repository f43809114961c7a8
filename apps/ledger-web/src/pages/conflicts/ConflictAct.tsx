import type { ReactNode } from 'react';
import type { CommandAnswer, CommandInit } from '../../api/use-command';
import { Field } from '../../kit/Field';
import { TextAreaField } from '../../kit/TextAreaField';
import { ACT_FIELDS, ActFields, actOf } from '../../kit/command/ActFields';
import { CommandForm, type ErrorsOf } from '../../kit/command/CommandForm';
import { formText } from '../../kit/form-text';

/** A text the act takes: a line, a paragraph or a date. */
export interface ActText {
  readonly name: string;
  readonly label: string;
  readonly kind?: 'line' | 'paragraph' | 'date';
  readonly hint?: string;
  readonly min?: string;
  readonly max?: string;
  readonly defaultValue?: string;
}

/** What an act's form sends: its texts by name (trimmed), and the "it happened earlier" ones. */
export interface ActValues {
  readonly text: (name: string) => string;
  readonly act: ReturnType<typeof actOf>;
  readonly form: FormData;
}

/**
 * One act on a conflict: a titled form with its texts (and any `more` fields) and the "it
 * happened earlier" ones, or, untitled and without fields, a one-button form (acknowledge, accept).
 */
export function ConflictAct({
  title,
  submitLabel,
  said,
  texts = [],
  more,
  send,
  onRecorded,
}: {
  readonly title?: string;
  readonly submitLabel: string;
  /** What the case file says once the act is recorded. */
  readonly said: string;
  readonly texts?: readonly ActText[];
  /** Fields other than texts (checkboxes), with the body properties they stand for. */
  readonly more?: {
    readonly fields: readonly string[];
    readonly render: (errorsOf: ErrorsOf) => ReactNode;
  };
  readonly send: (values: ActValues, init: CommandInit) => Promise<CommandAnswer>;
  readonly onRecorded: (said: string) => void;
}) {
  const sendForm = (form: FormData, init: CommandInit) =>
    send({ text: (name) => formText(form, name).trim(), act: actOf(form), form }, init);
  if (title === undefined) {
    return (
      <CommandForm
        inline
        fields={[]}
        label={submitLabel}
        submitLabel={submitLabel}
        send={sendForm}
        onRecorded={() => onRecorded(said)}
      />
    );
  }
  return (
    <section className="conflict-act">
      <h3>{title}</h3>
      <CommandForm
        fields={[...texts.map((text) => text.name), ...(more?.fields ?? []), ...ACT_FIELDS]}
        label={title}
        submitLabel={submitLabel}
        send={sendForm}
        onRecorded={() => onRecorded(said)}
      >
        {(errorsOf) => (
          <>
            {texts.map(({ kind = 'line', min, max, ...text }) =>
              kind === 'paragraph' ? (
                <TextAreaField key={text.name} rows={3} {...text} errors={errorsOf(text.name)} />
              ) : (
                <Field
                  key={text.name}
                  type={kind === 'date' ? 'date' : 'text'}
                  min={min}
                  max={max}
                  {...text}
                  errors={errorsOf(text.name)}
                />
              ),
            )}
            {more?.render(errorsOf)}
            <ActFields errorsOf={errorsOf} />
          </>
        )}
      </CommandForm>
    </section>
  );
}
