import { useLedgerClient } from '../../api/LedgerClientProvider';
import type { Commitment } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { NumberField } from '../../kit/NumberField';
import { TextAreaField } from '../../kit/TextAreaField';
import { ACT_FIELDS, ActFields, actOf } from '../../kit/command/ActFields';
import { CommandForm } from '../../kit/command/CommandForm';
import { formText, optionalNumber } from '../../kit/form-text';

const FIELDS = ['evidence', 'quantity', 'complete', ...ACT_FIELDS];

/**
 * The committer says what it delivered, with evidence. (A contribution recorded against the
 * commitment makes the same claim: see the contributions page.)
 */
export function ClaimFulfilmentForm({
  commitment,
  onClaimed,
}: {
  readonly commitment: Commitment;
  readonly onClaimed: () => void;
}) {
  const t = useT();
  const client = useLedgerClient();
  const counted = commitment.quantity !== null;
  return (
    <section aria-labelledby="claim-fulfilment">
      <h2 id="claim-fulfilment">{t('claim.title')}</h2>
      <CommandForm
        label={t('claim.title')}
        fields={FIELDS}
        submitLabel={t('claim.submit')}
        recordedText={t('claim.claimed')}
        onRecorded={onClaimed}
        send={(form, init) => {
          const quantity = optionalNumber(form, 'quantity');
          return client.POST('/commitments/{commitmentId}/fulfilment-claims', {
            ...init,
            params: { path: { commitmentId: commitment.commitmentId } },
            body: {
              evidence: formText(form, 'evidence').trim(),
              ...(quantity !== undefined ? { quantity } : {}),
              complete: !counted && form.get('complete') === 'on',
              ...actOf(form),
            },
          });
        }}
      >
        {(errorsOf) => (
          <>
            <TextAreaField
              name="evidence"
              rows={3}
              label={t('claim.evidence')}
              hint={t('claim.evidenceHint')}
              required
              errors={errorsOf('evidence')}
            />
            {counted ? (
              <NumberField
                name="quantity"
                label={t('claim.quantity', { unit: commitment.unit ?? '' })}
                required
                errors={errorsOf('quantity')}
              />
            ) : (
              <div className="field checkbox-field">
                <label>
                  <input type="checkbox" name="complete" /> {t('claim.complete')}
                </label>
              </div>
            )}
            <ActFields errorsOf={errorsOf} />
          </>
        )}
      </CommandForm>
    </section>
  );
}
