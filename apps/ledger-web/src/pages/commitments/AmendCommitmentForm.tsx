import { Fragment } from 'react';
import { useLedgerClient } from '../../api/LedgerClientProvider';
import type { Commitment } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { Field } from '../../kit/Field';
import { NumberField } from '../../kit/NumberField';
import { TextAreaField } from '../../kit/TextAreaField';
import { ACT_FIELDS, ActFields, actOf } from '../../kit/command/ActFields';
import { CommandForm } from '../../kit/command/CommandForm';
import { formText, optionalNumber, optionalText } from '../../kit/form-text';

const FIELDS = ['what', 'dueDate', 'quantity', 'unit', 'reason', ...ACT_FIELDS];

/** Renegotiated terms: a new version of what, by when and how much, with the reason. */
export function AmendCommitmentForm({
  commitment,
  onAmended,
}: {
  readonly commitment: Commitment;
  readonly onAmended: () => void;
}) {
  const t = useT();
  const client = useLedgerClient();
  return (
    <section aria-labelledby="amend-commitment">
      <h2 id="amend-commitment">{t('commitment.amend')}</h2>
      <CommandForm
        label={t('commitment.amend')}
        fields={FIELDS}
        submitLabel={t('commitment.amendSubmit')}
        onRecorded={onAmended}
        send={(form, init) => {
          const quantity = optionalNumber(form, 'quantity');
          const unit = optionalText(form, 'unit');
          return client.PUT('/commitments/{commitmentId}/terms', {
            ...init,
            params: { path: { commitmentId: commitment.commitmentId } },
            body: {
              what: formText(form, 'what').trim(),
              dueDate: formText(form, 'dueDate'),
              ...(quantity !== undefined ? { quantity } : {}),
              ...(unit ? { unit } : {}),
              reason: formText(form, 'reason').trim(),
              ...actOf(form),
            },
          });
        }}
      >
        {(errorsOf) => (
          // New fields for each terms version, so that they start from the current terms; the
          // form itself stays, and so does its "Recorded." for whoever just amended them.
          <Fragment key={commitment.termsVersion}>
            <Field
              name="what"
              label={t('commitment.what')}
              defaultValue={commitment.what}
              errors={errorsOf('what')}
            />
            <div className="form-grid">
              <Field
                name="dueDate"
                type="date"
                label={t('commitment.due')}
                defaultValue={commitment.dueDate}
                errors={errorsOf('dueDate')}
              />
              <NumberField
                name="quantity"
                label={t('commitment.quantity')}
                defaultValue={commitment.quantity ?? undefined}
                errors={errorsOf('quantity')}
              />
              <Field
                name="unit"
                label={t('commitment.unit')}
                defaultValue={commitment.unit ?? undefined}
                errors={errorsOf('unit')}
              />
            </div>
            <TextAreaField
              name="reason"
              rows={2}
              label={t('commitment.amendReason')}
              required
              errors={errorsOf('reason')}
            />
            <ActFields errorsOf={errorsOf} />
          </Fragment>
        )}
      </CommandForm>
    </section>
  );
}
