import { useLedgerClient } from '../../api/LedgerClientProvider';
import type { Commitment } from '../../api/types';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { SelectField } from '../../kit/SelectField';
import { TextAreaField } from '../../kit/TextAreaField';
import { ACT_FIELDS, ActFields, actOf } from '../../kit/command/ActFields';
import { CommandForm } from '../../kit/command/CommandForm';
import { formText } from '../../kit/form-text';

/** The ways a commitment ends before it is fulfilled, and who may choose each. */
export type Ending = 'withdrawal' | 'release' | 'partial-closure';
const ENDING_LABEL: Record<Ending, MessageKey> = {
  withdrawal: 'commitment.withdraw',
  release: 'commitment.release',
  'partial-closure': 'commitment.closePartial',
};
const ROUTE = {
  withdrawal: '/commitments/{commitmentId}/withdrawal',
  release: '/commitments/{commitmentId}/release',
  'partial-closure': '/commitments/{commitmentId}/partial-closure',
} as const;

/** Ends an open commitment (withdrawn, released, closed as partial), always with a reason. */
export function EndCommitmentForm({
  commitment,
  endings,
  onEnded,
}: {
  readonly commitment: Commitment;
  readonly endings: readonly Ending[];
  readonly onEnded: () => void;
}) {
  const t = useT();
  const client = useLedgerClient();
  if (endings.length === 0) return null;
  return (
    <section aria-labelledby="end-commitment">
      <h2 id="end-commitment">{t('commitment.end')}</h2>
      <CommandForm
        label={t('commitment.end')}
        fields={['ending', 'reason', ...ACT_FIELDS]}
        submitLabel={t('commitment.endSubmit')}
        onRecorded={onEnded}
        send={(form, init) =>
          client.POST(ROUTE[formText(form, 'ending') as Ending], {
            ...init,
            params: { path: { commitmentId: commitment.commitmentId } },
            body: { reason: formText(form, 'reason').trim(), ...actOf(form) },
          })
        }
      >
        {(errorsOf) => (
          <>
            <SelectField
              name="ending"
              label={t('commitment.endHow')}
              choices={endings.map((ending) => ({ value: ending, label: t(ENDING_LABEL[ending]) }))}
            />
            <TextAreaField
              name="reason"
              rows={2}
              label={t('commitment.endReason')}
              required
              errors={errorsOf('reason')}
            />
            <ActFields errorsOf={errorsOf} />
          </>
        )}
      </CommandForm>
    </section>
  );
}
