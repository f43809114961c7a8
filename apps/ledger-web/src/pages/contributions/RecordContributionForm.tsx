import { useSignedIn } from '../../auth/SessionProvider';
import { useLedgerClient } from '../../api/LedgerClientProvider';
import { unwrap, useLoad } from '../../api/use-load';
import type { PartnershipOverview } from '../../api/types';
import { CONTRIBUTION_KIND, type ContributionKind } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { Field } from '../../kit/Field';
import { NumberField } from '../../kit/NumberField';
import { SelectField } from '../../kit/SelectField';
import { TextAreaField } from '../../kit/TextAreaField';
import { ACT_FIELDS, ActFields, actOf } from '../../kit/command/ActFields';
import { CommandForm } from '../../kit/command/CommandForm';
import { useToday } from '../../kit/dates';
import { formText, optionalNumber, optionalText } from '../../kit/form-text';
import { ActingPartnerField, actingPartnerOf } from '../partnership/ActingPartnerField';

const FIELDS = [
  'partnerId',
  'kind',
  'quantity',
  'unit',
  'date',
  'description',
  'commitmentId',
  ...ACT_FIELDS,
];

/**
 * A partner records what it gave, raw (quantity and unit; a valuation policy values it later),
 * and, when it delivers on one of its accepted commitments, which: the ledger then claims that
 * delivery on the commitment, for another member to confirm.
 */
export function RecordContributionForm({
  overview,
  onRecorded,
}: {
  readonly overview: PartnershipOverview;
  readonly onRecorded: () => void;
}) {
  const t = useT();
  const today = useToday();
  const client = useLedgerClient();
  const { partnerId } = useSignedIn();
  const { partnershipId } = overview;
  // A partner's own commitments it can deliver on; an administrator's paper record names none.
  const commitments = useLoad(
    async (ledger) =>
      partnerId
        ? (
            await ledger
              .GET('/commitments', {
                params: { query: { partnershipId, partnerId, status: 'open', limit: 100 } },
              })
              .then(unwrap)
          ).items.filter((commitment) => commitment.status !== 'made')
        : [],
    [partnershipId, partnerId],
  );
  const deliverable = commitments.status === 'loaded' ? commitments.data : [];
  const kinds = Object.entries(CONTRIBUTION_KIND).map(([value, key]) => ({
    value,
    label: t(key),
  }));
  return (
    <section aria-labelledby="record-contribution">
      <h2 id="record-contribution">{t('contribution.record')}</h2>
      <CommandForm
        label={t('contribution.record')}
        fields={FIELDS}
        submitLabel={t('contribution.recordSubmit')}
        recordedText={t('contribution.recorded')}
        onRecorded={onRecorded}
        send={(form, init) => {
          const commitmentId = optionalText(form, 'commitmentId');
          return client.POST('/contributions', {
            ...init,
            body: {
              partnershipId,
              ...actingPartnerOf(form),
              kind: formText(form, 'kind') as ContributionKind,
              quantity: optionalNumber(form, 'quantity') ?? Number.NaN,
              unit: formText(form, 'unit').trim(),
              date: formText(form, 'date'),
              description: formText(form, 'description').trim(),
              ...(commitmentId ? { commitmentId } : {}),
              ...actOf(form),
            },
          });
        }}
      >
        {(errorsOf) => (
          <>
            <ActingPartnerField overview={overview} errorsOf={errorsOf} />
            <div className="form-grid">
              <SelectField
                name="kind"
                label={t('contribution.kind')}
                choices={kinds}
                errors={errorsOf('kind')}
              />
              <NumberField
                name="quantity"
                label={t('contribution.quantity')}
                required
                errors={errorsOf('quantity')}
              />
              <Field
                name="unit"
                label={t('commitment.unit')}
                hint={t('commitment.unitHint')}
                required
                errors={errorsOf('unit')}
              />
              <Field
                name="date"
                type="date"
                max={today}
                defaultValue={today}
                label={t('contribution.date')}
                required
                errors={errorsOf('date')}
              />
            </div>
            <TextAreaField
              name="description"
              rows={2}
              label={t('contribution.description')}
              required
              errors={errorsOf('description')}
            />
            <SelectField
              name="commitmentId"
              label={t('contribution.commitment')}
              hint={t('contribution.commitmentHint')}
              choices={deliverable.map((c) => ({ value: c.commitmentId, label: c.what }))}
              placeholder={t('contribution.noCommitment')}
              errors={errorsOf('commitmentId')}
            />
            <ActFields errorsOf={errorsOf} />
          </>
        )}
      </CommandForm>
    </section>
  );
}
