import { type FormEvent, type ReactNode, useMemo } from 'react';
import { type CommandAnswer, type CommandInit, useCommand } from '../../api/use-command';
import { useT } from '../../i18n/use-t';
import { ProblemAlert } from '../ProblemAlert';

/** The errors the ledger gave about one of the form's fields (none before a refusal). */
export type ErrorsOf = (field: string) => readonly string[];

export interface CommandFormProps {
  /** The body properties the form shows, so that the ledger's reasons land next to them. */
  readonly fields: readonly string[];
  readonly submitLabel: string;
  /** Sends the command built from the submitted form, with the form's Idempotency-Key. */
  readonly send: (form: FormData, init: CommandInit) => Promise<CommandAnswer>;
  /** Once recorded: what the ledger answered (the command's result document). */
  readonly onRecorded?: (result: unknown) => void;
  /** Said once recorded ("Commitment made."); a plain "Recorded." otherwise. */
  readonly recordedText?: string;
  /** A one-button form (accept, confirm, sign) sits on one line. */
  readonly inline?: boolean;
  readonly label?: string;
  readonly children?: (errorsOf: ErrorsOf) => ReactNode;
}

/**
 * A form that records one command: one Idempotency-Key per submission (a double click records
 * once), the ledger's problem mapped onto the fields and summed up at the top, the outcome
 * announced to screen readers, and the form emptied once recorded.
 */
export function CommandForm({
  fields,
  submitLabel,
  send,
  onRecorded,
  recordedText,
  inline = false,
  label,
  children,
}: CommandFormProps) {
  const t = useT();
  const command = useCommand(fields);
  const { outcome, submitting } = command;
  const problems = outcome?.kind === 'refused' ? outcome.problems : null;
  const errorsOf = useMemo<ErrorsOf>(() => (field) => problems?.fields[field] ?? [], [problems]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void command
      .run((init) => send(data, init))
      .then((result) => {
        if (result.kind !== 'recorded') return;
        form.reset();
        onRecorded?.(result.data);
      });
  };

  return (
    <form
      className={inline ? 'inline-form' : 'form'}
      onSubmit={submit}
      noValidate
      aria-label={label}
      aria-busy={submitting || undefined}
    >
      {problems ? <ProblemAlert problems={problems} /> : null}
      {outcome?.kind === 'unanswered' ? (
        <p role="alert" className="problem">
          {t('command.unanswered')}
        </p>
      ) : null}
      {children?.(errorsOf)}
      <button type="submit" className={inline ? undefined : 'primary'} disabled={submitting}>
        {submitLabel}
      </button>
      <p role="status" className="command-status">
        {outcome?.kind === 'recorded' ? (recordedText ?? t('command.recorded')) : ''}
      </p>
    </form>
  );
}
