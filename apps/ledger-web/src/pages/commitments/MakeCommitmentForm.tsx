import { useSignedIn } from '../../auth/SessionProvider';
import { useLedgerClient } from '../../api/LedgerClientProvider';
import type { PartnershipOverview } from '../../api/types';
import { CONTRIBUTION_KIND, type ContributionKind } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { Field } from '../../kit/Field';
import { NumberField } from '../../kit/NumberField';
import { SelectField } from '../../kit/SelectField';
import { ACT_FIELDS, ActFields, actOf } from '../../kit/command/ActFields';
import { CommandForm } from '../../kit/command/CommandForm';
import { formText, optionalNumber, optionalText } from '../../kit/form-text';
import { ActingPartnerField, actingPartnerOf } from '../partnership/ActingPartnerField';
import { openObjectiveChoices, partnerChoices } from '../partnership/partnership-choices';

const FIELDS = [
  'partnerId',
  'what',
  'kind',
  'dueDate',
  'quantity',
  'unit',
  'objectiveId',
  'beneficiary',
  ...ACT_FIELDS,
];
/** The beneficiary pick-list: a partner by id, or a group named in words (`group:`). */
const GROUP = 'group:';

/** A partner commits to something, for a beneficiary, by a due date. */
export function MakeCommitmentForm({
  overview,
  onMade,
}: {
  readonly overview: PartnershipOverview;
  readonly onMade: () => void;
}) {
  const t = useT();
  const client = useLedgerClient();
  // A commitment is made to someone else: the committing partner is not its own beneficiary.
  const { partnerId } = useSignedIn();
  const kinds = Object.entries(CONTRIBUTION_KIND).map(([value, key]) => ({
    value,
    label: t(key),
  }));
  return (
    <section aria-labelledby="make-commitment">
      <h2 id="make-commitment">{t('commitment.make')}</h2>
      <CommandForm
        label={t('commitment.make')}
        fields={FIELDS}
        submitLabel={t('commitment.makeSubmit')}
        recordedText={t('commitment.made')}
        onRecorded={onMade}
        send={(form, init) => {
          const beneficiary = formText(form, 'beneficiary');
          const quantity = optionalNumber(form, 'quantity');
          const unit = optionalText(form, 'unit');
          const objectiveId = optionalText(form, 'objectiveId');
          return client.POST('/commitments', {
            ...init,
            body: {
              partnershipId: overview.partnershipId,
              ...actingPartnerOf(form),
              what: formText(form, 'what').trim(),
              kind: formText(form, 'kind') as ContributionKind,
              dueDate: formText(form, 'dueDate'),
              ...(quantity !== undefined ? { quantity } : {}),
              ...(unit ? { unit } : {}),
              ...(objectiveId ? { objectiveId } : {}),
              beneficiary:
                beneficiary === GROUP
                  ? { kind: 'group', name: formText(form, 'groupName').trim() }
                  : { kind: 'partner', partnerId: beneficiary },
              ...actOf(form),
            },
          });
        }}
      >
        {(errorsOf) => (
          <>
            <ActingPartnerField
              overview={overview}
              errorsOf={errorsOf}
              label={t('commitment.committingPartner')}
            />
            <Field name="what" label={t('commitment.what')} required errors={errorsOf('what')} />
            <div className="form-grid">
              <SelectField
                name="kind"
                label={t('commitment.kind')}
                choices={kinds}
                errors={errorsOf('kind')}
              />
              <Field
                name="dueDate"
                type="date"
                label={t('commitment.due')}
                required
                errors={errorsOf('dueDate')}
              />
              <NumberField
                name="quantity"
                label={t('commitment.quantity')}
                hint={t('commitment.quantityHint')}
                errors={errorsOf('quantity')}
              />
              <Field
                name="unit"
                label={t('commitment.unit')}
                hint={t('commitment.unitHint')}
                errors={errorsOf('unit')}
              />
            </div>
            <SelectField
              name="beneficiary"
              label={t('commitment.beneficiary')}
              choices={[
                ...partnerChoices(overview).filter((partner) => partner.value !== partnerId),
                { value: GROUP, label: t('commitment.beneficiaryGroup') },
              ]}
              errors={errorsOf('beneficiary')}
            />
            <Field
              name="groupName"
              label={t('commitment.groupName')}
              hint={t('commitment.groupNameHint')}
            />
            <SelectField
              name="objectiveId"
              label={t('commitment.objective')}
              choices={openObjectiveChoices(overview)}
              placeholder={t('commitment.noObjective')}
              errors={errorsOf('objectiveId')}
            />
            <ActFields errorsOf={errorsOf} />
          </>
        )}
      </CommandForm>
    </section>
  );
}
