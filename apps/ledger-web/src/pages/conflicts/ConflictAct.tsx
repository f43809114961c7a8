import type { ReactNode } from 'react';
import type { CommandAnswer, CommandInit } from '../../api/use-command';
import { ACT_FIELDS, ActFields } from '../../kit/command/ActFields';
import { CommandForm, type ErrorsOf } from '../../kit/command/CommandForm';

/**
 * One act on a conflict: a titled form with its own fields and the "it happened earlier" ones,
 * or, untitled, a one-button form (acknowledge, accept).
 */
export function ConflictAct({
  title,
  submitLabel,
  fields = [],
  send,
  onRecorded,
  children,
}: {
  readonly title?: string;
  readonly submitLabel: string;
  readonly fields?: readonly string[];
  readonly send: (form: FormData, init: CommandInit) => Promise<CommandAnswer>;
  readonly onRecorded: () => void;
  readonly children?: (errorsOf: ErrorsOf) => ReactNode;
}) {
  if (title === undefined) {
    return (
      <CommandForm
        inline
        fields={fields}
        label={submitLabel}
        submitLabel={submitLabel}
        send={send}
        onRecorded={onRecorded}
      />
    );
  }
  return (
    <section className="conflict-act">
      <h3>{title}</h3>
      <CommandForm
        fields={[...fields, ...ACT_FIELDS]}
        label={title}
        submitLabel={submitLabel}
        send={send}
        onRecorded={onRecorded}
      >
        {(errorsOf) => (
          <>
            {children?.(errorsOf)}
            <ActFields errorsOf={errorsOf} />
          </>
        )}
      </CommandForm>
    </section>
  );
}
