import { useLedgerClient } from '../../api/LedgerClientProvider';
import type { components } from '../../api/schema';
import { type ContributionKind, CONTRIBUTION_KIND } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { Field } from '../../kit/Field';
import { NumberField } from '../../kit/NumberField';
import { SelectField } from '../../kit/SelectField';
import { TextAreaField } from '../../kit/TextAreaField';
import { ACT_FIELDS, ActFields, actOf } from '../../kit/command/ActFields';
import { CommandForm, type ErrorsOf } from '../../kit/command/CommandForm';
import { requiredNumber } from '../../kit/form-lines';
import { formText } from '../../kit/form-text';
import { FormSection } from './FormSection';
import { NameAndIdFields, ReasonFields, nameAndIdOf, reasonOf } from './shared-fields';

type Policy = components['schemas']['ValuationPolicyDocument'];

const KINDS = Object.keys(CONTRIBUTION_KIND) as ContributionKind[];

/** Defines a policy: its name and the currency of every value (its id made from its name). */
export function DefinePolicy({ onRecorded }: { readonly onRecorded: () => void }) {
  const t = useT();
  const client = useLedgerClient();
  return (
    <FormSection title={t('policies.define')}>
      <CommandForm
        fields={['policyId', 'name', 'currency', ...ACT_FIELDS]}
        submitLabel={t('policies.defineSubmit')}
        onRecorded={onRecorded}
        send={(form, init) => {
          const { name, id: policyId } = nameAndIdOf(form, 'policyId');
          return client.POST('/valuation-policies', {
            ...init,
            body: {
              ...(policyId ? { policyId } : {}),
              name,
              currency: formText(form, 'currency').trim().toUpperCase(),
              ...actOf(form),
            },
          });
        }}
      >
        {(errorsOf) => (
          <>
            <NameAndIdFields
              idField="policyId"
              nameLabel={t('policies.name')}
              idLabel={t('policies.id')}
              idHint={t('policies.idHint')}
              errorsOf={errorsOf}
            />
            <Field
              name="currency"
              label={t('policies.currency')}
              hint={t('policies.currencyHint')}
              defaultValue="EUR"
              required
              maxLength={10}
              autoComplete="off"
              errors={errorsOf('currency')}
            />
            <ActFields errorsOf={errorsOf} />
          </>
        )}
      </CommandForm>
    </FormSection>
  );
}

interface PolicyFormProps {
  readonly policies: readonly Policy[];
  readonly onRecorded: () => void;
}

/** The policy, (kind, unit) and first day every rate or retirement names. */
function EntryFields({
  policies,
  errorsOf,
}: {
  readonly policies: readonly Policy[];
  readonly errorsOf: ErrorsOf;
}) {
  const t = useT();
  return (
    <>
      <SelectField
        name="policyId"
        label={t('policies.policy')}
        placeholder={t('form.choose')}
        required
        choices={policies.map((policy) => ({ value: policy.policyId, label: policy.name }))}
        errors={errorsOf('policyId')}
      />
      <SelectField
        name="kind"
        label={t('policies.kind')}
        placeholder={t('form.choose')}
        required
        choices={KINDS.map((kind) => ({ value: kind, label: t(CONTRIBUTION_KIND[kind]) }))}
        errors={errorsOf('kind')}
      />
      <Field
        name="unit"
        label={t('policies.unit')}
        hint={t('policies.unitHint')}
        required
        maxLength={50}
        autoComplete="off"
        errors={errorsOf('unit')}
      />
      <Field
        name="effectiveFrom"
        type="date"
        label={t('policies.effectiveFrom')}
        required
        errors={errorsOf('effectiveFrom')}
      />
    </>
  );
}

/** What every entry's body holds, from the submitted form. */
const entryOf = (form: FormData) => ({
  // Whatever was picked (none: ''), for the ledger to refuse next to the field.
  kind: formText(form, 'kind') as ContributionKind,
  unit: formText(form, 'unit').trim(),
  effectiveFrom: formText(form, 'effectiveFrom'),
  ...actOf(form),
});

/** Sets a new version of a (kind, unit)'s rate, in the policy's currency, with its source. */
export function SetRate({ policies, onRecorded }: PolicyFormProps) {
  const t = useT();
  const client = useLedgerClient();
  return (
    <FormSection title={t('policies.setRate')}>
      <CommandForm
        fields={['kind', 'unit', 'effectiveFrom', 'rate', 'currency', 'source', ...ACT_FIELDS]}
        submitLabel={t('policies.setRateSubmit')}
        onRecorded={onRecorded}
        send={(form, init) => {
          const policyId = formText(form, 'policyId');
          const policy = policies.find((candidate) => candidate.policyId === policyId);
          return client.POST('/valuation-policies/{policyId}/rates', {
            ...init,
            params: { path: { policyId } },
            body: {
              ...entryOf(form),
              rate: requiredNumber(form, 'rate'),
              currency: policy?.currency ?? '',
              source: formText(form, 'source').trim(),
            },
          });
        }}
      >
        {(errorsOf) => (
          <>
            <EntryFields policies={policies} errorsOf={errorsOf} />
            <NumberField
              name="rate"
              label={t('policies.rateField')}
              hint={t('policies.rateHint')}
              required
              errors={[...errorsOf('rate'), ...errorsOf('currency')]}
            />
            <TextAreaField
              name="source"
              rows={2}
              label={t('policies.source')}
              hint={t('policies.sourceHint')}
              required
              errors={errorsOf('source')}
            />
            <ActFields errorsOf={errorsOf} />
          </>
        )}
      </CommandForm>
    </FormSection>
  );
}

/** Stops valuing a (kind, unit) from a date on; the earlier rates stay. */
export function RetireRate({ policies, onRecorded }: PolicyFormProps) {
  const t = useT();
  const client = useLedgerClient();
  return (
    <FormSection title={t('policies.retireRate')}>
      <CommandForm
        fields={['kind', 'unit', 'effectiveFrom', 'reason', ...ACT_FIELDS]}
        submitLabel={t('policies.retireRateSubmit')}
        onRecorded={onRecorded}
        send={(form, init) =>
          client.POST('/valuation-policies/{policyId}/rates/retirement', {
            ...init,
            params: { path: { policyId: formText(form, 'policyId') } },
            body: { ...entryOf(form), ...reasonOf(form) },
          })
        }
      >
        {(errorsOf) => (
          <>
            <EntryFields policies={policies} errorsOf={errorsOf} />
            <ReasonFields label={t('policies.retireReason')} errorsOf={errorsOf} />
          </>
        )}
      </CommandForm>
    </FormSection>
  );
}
