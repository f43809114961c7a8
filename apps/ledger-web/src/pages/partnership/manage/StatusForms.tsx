import { useLedgerClient } from '../../../api/LedgerClientProvider';
import { unwrap, useLoad } from '../../../api/use-load';
import { PARTNERSHIP_STATUS } from '../../../i18n/labels';
import { useT } from '../../../i18n/use-t';
import { LoadedView } from '../../../kit/LoadedView';
import { SelectField } from '../../../kit/SelectField';
import { ACT_FIELDS, ActFields, actOf } from '../../../kit/command/ActFields';
import { CommandForm } from '../../../kit/command/CommandForm';
import { formText } from '../../../kit/form-text';
import { FormSection } from '../../admin/FormSection';
import { ReasonFields, reasonOf } from '../../admin/shared-fields';
import { usePartnership, useReloadPartnership } from '../PartnershipLayout';

/** Chooses the valuation policy the partnership's contribution reports use when they name none. */
export function DefaultValuationPolicy() {
  const t = useT();
  const client = useLedgerClient();
  const { partnershipId, defaultValuationPolicyId } = usePartnership();
  const reload = useReloadPartnership();
  const policies = useLoad(
    (ledger) =>
      ledger.GET('/valuation-policies', { params: { query: { limit: 200 } } }).then(unwrap),
    [],
  );
  return (
    <FormSection title={t('manage.valuation')}>
      <LoadedView loaded={policies}>
        {(page) => (
          <CommandForm
            fields={['policyId', ...ACT_FIELDS]}
            submitLabel={t('manage.valuationSubmit')}
            onRecorded={reload}
            send={(form, init) =>
              client.POST('/partnerships/{partnershipId}/default-valuation-policy', {
                ...init,
                params: { path: { partnershipId } },
                body: { policyId: formText(form, 'policyId'), ...actOf(form) },
              })
            }
          >
            {(errorsOf) => (
              <>
                <SelectField
                  // A new default chosen elsewhere shows once the overview is loaded again.
                  key={defaultValuationPolicyId ?? ''}
                  name="policyId"
                  label={t('manage.valuationPolicy')}
                  hint={page.items.length === 0 ? t('manage.noPolicies') : undefined}
                  placeholder={t('form.choose')}
                  defaultValue={defaultValuationPolicyId ?? ''}
                  choices={page.items.map((policy) => ({
                    value: policy.policyId,
                    label: t('manage.policyChoice', {
                      name: policy.name,
                      currency: policy.currency,
                    }),
                  }))}
                  errors={errorsOf('policyId')}
                />
                <ActFields errorsOf={errorsOf} />
              </>
            )}
          </CommandForm>
        )}
      </LoadedView>
    </FormSection>
  );
}

/** Suspends, reactivates or closes the partnership, as its status allows, with a reason. */
export function PartnershipStatusForms() {
  const t = useT();
  const client = useLedgerClient();
  const { partnershipId, status, statusReason } = usePartnership();
  const reload = useReloadPartnership();
  const path = { params: { path: { partnershipId } } };
  return (
    <FormSection title={t('manage.status')}>
      <p>
        {t('manage.currentStatus', { status: t(PARTNERSHIP_STATUS[status]) })}
        {statusReason ? ` ${t('manage.statusReason', { reason: statusReason })}` : ''}
      </p>
      {status === 'suspended' ? (
        <CommandForm
          inline
          fields={[]}
          label={t('manage.reactivate')}
          submitLabel={t('manage.reactivate')}
          onRecorded={reload}
          send={(_form, init) =>
            client.POST('/partnerships/{partnershipId}/reactivation', { ...init, ...path })
          }
        />
      ) : null}
      {status === 'founded' || status === 'active' ? (
        <CommandForm
          fields={['reason', ...ACT_FIELDS]}
          label={t('manage.suspend')}
          submitLabel={t('manage.suspend')}
          onRecorded={reload}
          send={(form, init) =>
            client.POST('/partnerships/{partnershipId}/suspension', {
              ...init,
              ...path,
              body: reasonOf(form),
            })
          }
        >
          {(errorsOf) => <ReasonFields label={t('manage.suspendReason')} errorsOf={errorsOf} />}
        </CommandForm>
      ) : null}
      {status !== 'closed' ? (
        <CommandForm
          fields={['reason', ...ACT_FIELDS]}
          label={t('manage.close')}
          submitLabel={t('manage.close')}
          onRecorded={reload}
          send={(form, init) =>
            client.POST('/partnerships/{partnershipId}/closure', {
              ...init,
              ...path,
              body: reasonOf(form),
            })
          }
        >
          {(errorsOf) => (
            <ReasonFields
              label={t('manage.closeReason')}
              hint={t('manage.closeHint')}
              errorsOf={errorsOf}
            />
          )}
        </CommandForm>
      ) : null}
    </FormSection>
  );
}
