import { useLedgerClient } from '../../../api/LedgerClientProvider';
import type { components } from '../../../api/schema';
import { INDICATOR_DIRECTION, INDICATOR_FREQUENCY, INDICATOR_UNIT } from '../../../i18n/labels';
import { useT } from '../../../i18n/use-t';
import { Field } from '../../../kit/Field';
import { NumberField } from '../../../kit/NumberField';
import { SelectField } from '../../../kit/SelectField';
import { TextAreaField } from '../../../kit/TextAreaField';
import { ACT_FIELDS, ActFields, actOf } from '../../../kit/command/ActFields';
import { CommandForm } from '../../../kit/command/CommandForm';
import { idFromName, requiredNumber, textLines } from '../../../kit/form-lines';
import { formText, optionalText } from '../../../kit/form-text';
import { FormSection } from '../../admin/FormSection';
import { usePartnership } from '../PartnershipLayout';
import { openObjectiveChoices } from '../partnership-choices';

type DefineBody = components['schemas']['DefineIndicatorDto'];
type UnitKind = DefineBody['unit']['kind'];

const FIELDS = [
  'indicatorId',
  'objectiveId',
  'code',
  'name',
  'unit',
  'unit.scale.min',
  'unit.scale.max',
  'baseline.value',
  'baseline.date',
  'target.value',
  'target.date',
  'direction',
  'frequency',
  'dimensions',
  ...ACT_FIELDS,
];

/** The unit picked; a rating scale takes its lowest and highest answers. */
function unitOf(form: FormData): DefineBody['unit'] {
  // Whatever was picked (none: ''), for the ledger to refuse next to the field.
  const kind = formText(form, 'unit.kind') as UnitKind;
  if (kind !== 'likert') return { kind };
  return {
    kind,
    scale: {
      min: requiredNumber(form, 'unit.scale.min'),
      max: requiredNumber(form, 'unit.scale.max'),
    },
  };
}

/** Defines an indicator of the partnership, maybe serving one of its open objectives. */
export function DefineIndicator({ onRecorded }: { readonly onRecorded: () => void }) {
  const t = useT();
  const client = useLedgerClient();
  const overview = usePartnership();
  return (
    <FormSection title={t('indicatorAdmin.define')}>
      <CommandForm
        fields={FIELDS}
        submitLabel={t('indicatorAdmin.defineSubmit')}
        onRecorded={onRecorded}
        send={(form, init) => {
          const code = formText(form, 'code').trim();
          const objectiveId = optionalText(form, 'objectiveId');
          const indicatorId = optionalText(form, 'indicatorId') ?? idFromName(code);
          return client.POST('/indicators', {
            ...init,
            body: {
              ...(indicatorId ? { indicatorId } : {}),
              partnershipId: overview.partnershipId,
              ...(objectiveId ? { objectiveId } : {}),
              code,
              name: formText(form, 'name').trim(),
              unit: unitOf(form),
              baseline: {
                value: requiredNumber(form, 'baseline.value'),
                date: formText(form, 'baseline.date'),
              },
              target: {
                value: requiredNumber(form, 'target.value'),
                date: formText(form, 'target.date'),
              },
              direction: formText(form, 'direction') as DefineBody['direction'],
              frequency: formText(form, 'frequency') as DefineBody['frequency'],
              dimensions: textLines(form, 'dimensions'),
              ...actOf(form),
            },
          });
        }}
      >
        {(errorsOf) => (
          <>
            <Field
              name="name"
              label={t('indicatorAdmin.name')}
              required
              maxLength={200}
              autoComplete="off"
              errors={errorsOf('name')}
            />
            <Field
              name="code"
              label={t('indicatorAdmin.code')}
              hint={t('indicatorAdmin.codeHint')}
              required
              maxLength={50}
              autoComplete="off"
              errors={[...errorsOf('code'), ...errorsOf('indicatorId')]}
            />
            <SelectField
              name="objectiveId"
              label={t('indicatorAdmin.objective')}
              placeholder={t('indicatorAdmin.noObjective')}
              choices={openObjectiveChoices(overview)}
              errors={errorsOf('objectiveId')}
            />
            <SelectField
              name="unit.kind"
              label={t('indicator.unit')}
              placeholder={t('form.choose')}
              required
              choices={Object.entries(INDICATOR_UNIT).map(([kind, key]) => ({
                value: kind,
                label: t(key),
              }))}
              errors={errorsOf('unit')}
            />
            <fieldset className="choice-boxes">
              <legend>{t('indicatorAdmin.scale')}</legend>
              <Field
                name="unit.scale.min"
                type="number"
                step="1"
                label={t('indicatorAdmin.scaleMin')}
                errors={errorsOf('unit.scale.min')}
              />
              <Field
                name="unit.scale.max"
                type="number"
                step="1"
                label={t('indicatorAdmin.scaleMax')}
                errors={errorsOf('unit.scale.max')}
              />
            </fieldset>
            <fieldset className="choice-boxes">
              <legend>{t('indicator.baseline')}</legend>
              <NumberField
                signed
                name="baseline.value"
                label={t('indicator.value')}
                required
                errors={errorsOf('baseline.value')}
              />
              <Field
                name="baseline.date"
                type="date"
                label={t('indicatorAdmin.baselineDate')}
                required
                errors={errorsOf('baseline.date')}
              />
            </fieldset>
            <fieldset className="choice-boxes">
              <legend>{t('indicator.target')}</legend>
              <NumberField
                signed
                name="target.value"
                label={t('indicator.value')}
                required
                errors={errorsOf('target.value')}
              />
              <Field
                name="target.date"
                type="date"
                label={t('indicatorAdmin.targetDate')}
                required
                errors={errorsOf('target.date')}
              />
            </fieldset>
            <SelectField
              name="direction"
              label={t('indicatorAdmin.direction')}
              placeholder={t('form.choose')}
              required
              choices={Object.entries(INDICATOR_DIRECTION).map(([value, key]) => ({
                value,
                label: t(key),
              }))}
              errors={errorsOf('direction')}
            />
            <SelectField
              name="frequency"
              label={t('indicatorAdmin.frequency')}
              placeholder={t('form.choose')}
              required
              choices={Object.entries(INDICATOR_FREQUENCY).map(([value, key]) => ({
                value,
                label: t(key),
              }))}
              errors={errorsOf('frequency')}
            />
            <TextAreaField
              name="dimensions"
              rows={2}
              label={t('indicatorAdmin.dimensions')}
              hint={t('indicatorAdmin.dimensionsHint')}
              errors={errorsOf('dimensions')}
            />
            <ActFields errorsOf={errorsOf} />
          </>
        )}
      </CommandForm>
    </FormSection>
  );
}
