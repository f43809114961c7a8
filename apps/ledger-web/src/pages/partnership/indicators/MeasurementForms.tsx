import { useLedgerClient } from '../../../api/LedgerClientProvider';
import type { components } from '../../../api/schema';
import { useFormat } from '../../../i18n/use-format';
import { useT } from '../../../i18n/use-t';
import { Field } from '../../../kit/Field';
import { NumberField } from '../../../kit/NumberField';
import { type Choice, SelectField } from '../../../kit/SelectField';
import { TextAreaField } from '../../../kit/TextAreaField';
import { ACT_FIELDS, ActFields, actOf } from '../../../kit/command/ActFields';
import { CommandForm, type ErrorsOf } from '../../../kit/command/CommandForm';
import { requiredNumber } from '../../../kit/form-lines';
import { formText } from '../../../kit/form-text';
import { FormSection } from '../../admin/FormSection';
import { ReasonFields, reasonOf } from '../../admin/shared-fields';

type Indicator = components['schemas']['IndicatorDetailDocument'];

interface IndicatorFormProps {
  readonly indicators: readonly Indicator[];
  readonly onRecorded: () => void;
}

/** Those still measured (a retired indicator accepts no measurement). */
const measuredChoices = (indicators: readonly Indicator[]): Choice[] =>
  indicators
    .filter((indicator) => indicator.status === 'defined')
    .map((indicator) => ({ value: indicator.indicatorId, label: indicator.name }));

function IndicatorPick({
  indicators,
  errorsOf,
}: {
  readonly indicators: readonly Indicator[];
  readonly errorsOf: ErrorsOf;
}) {
  const t = useT();
  return (
    <SelectField
      name="indicatorId"
      label={t('indicatorAdmin.indicator')}
      placeholder={t('form.choose')}
      required
      choices={measuredChoices(indicators)}
      errors={errorsOf('indicatorId')}
    />
  );
}

/** Records the measurement of a period, its source and how a third party can check it. */
export function RecordMeasurement({ indicators, onRecorded }: IndicatorFormProps) {
  const t = useT();
  const client = useLedgerClient();
  return (
    <FormSection title={t('indicatorAdmin.measure')}>
      <CommandForm
        fields={[
          'indicatorId',
          'period.from',
          'period.to',
          'value',
          'source',
          'meansOfVerification',
          ...ACT_FIELDS,
        ]}
        submitLabel={t('indicatorAdmin.measureSubmit')}
        onRecorded={onRecorded}
        send={(form, init) =>
          client.POST('/indicators/{indicatorId}/measurements', {
            ...init,
            params: { path: { indicatorId: formText(form, 'indicatorId') } },
            body: {
              period: { from: formText(form, 'period.from'), to: formText(form, 'period.to') },
              value: requiredNumber(form, 'value'),
              disaggregation: [],
              source: formText(form, 'source').trim(),
              meansOfVerification: formText(form, 'meansOfVerification').trim(),
              ...actOf(form),
            },
          })
        }
      >
        {(errorsOf) => (
          <>
            <IndicatorPick indicators={indicators} errorsOf={errorsOf} />
            <Field
              name="period.from"
              type="date"
              label={t('indicatorAdmin.periodFrom')}
              required
              errors={errorsOf('period.from')}
            />
            <Field
              name="period.to"
              type="date"
              label={t('indicatorAdmin.periodTo')}
              required
              errors={errorsOf('period.to')}
            />
            <NumberField
              signed
              name="value"
              label={t('indicatorAdmin.measuredValue')}
              required
              errors={errorsOf('value')}
            />
            <TextAreaField
              name="source"
              rows={2}
              label={t('indicatorAdmin.source')}
              required
              errors={errorsOf('source')}
            />
            <TextAreaField
              name="meansOfVerification"
              rows={2}
              label={t('indicatorAdmin.verification')}
              required
              errors={errorsOf('meansOfVerification')}
            />
            <ActFields errorsOf={errorsOf} />
          </>
        )}
      </CommandForm>
    </FormSection>
  );
}

/** Picked as "<indicatorId> <measurementId>": ids never hold a space. */
const SEPARATOR = ' ';

/** Corrects a measured value, with why (the value first recorded stays in the log). */
export function CorrectMeasurement({ indicators, onRecorded }: IndicatorFormProps) {
  const t = useT();
  const format = useFormat();
  const client = useLedgerClient();
  const choices = indicators.flatMap((indicator) =>
    indicator.series.map((measurement) => ({
      value: [indicator.indicatorId, measurement.measurementId].join(SEPARATOR),
      label: t('indicatorAdmin.measurementChoice', {
        name: indicator.name,
        from: format.date(measurement.period.from),
        to: format.date(measurement.period.to),
        value: format.number(measurement.value),
      }),
    })),
  );
  return (
    <FormSection title={t('indicatorAdmin.correct')}>
      <CommandForm
        fields={['measurement', 'value', 'reason', ...ACT_FIELDS]}
        submitLabel={t('indicatorAdmin.correctSubmit')}
        onRecorded={onRecorded}
        send={(form, init) => {
          const [indicatorId = '', measurementId = ''] = formText(form, 'measurement').split(
            SEPARATOR,
          );
          return client.POST('/indicators/{indicatorId}/measurements/{measurementId}/corrections', {
            ...init,
            params: { path: { indicatorId, measurementId } },
            body: { value: requiredNumber(form, 'value'), ...reasonOf(form) },
          });
        }}
      >
        {(errorsOf) => (
          <>
            <SelectField
              name="measurement"
              label={t('indicatorAdmin.measurement')}
              placeholder={t('form.choose')}
              required
              choices={choices}
              errors={errorsOf('measurement')}
            />
            <NumberField
              signed
              name="value"
              label={t('indicatorAdmin.correctedValue')}
              required
              errors={errorsOf('value')}
            />
            <ReasonFields label={t('indicatorAdmin.correctReason')} errorsOf={errorsOf} />
          </>
        )}
      </CommandForm>
    </FormSection>
  );
}

/** Retires an indicator: it accepts no measurement afterwards. */
export function RetireIndicator({ indicators, onRecorded }: IndicatorFormProps) {
  const t = useT();
  const client = useLedgerClient();
  return (
    <FormSection title={t('indicatorAdmin.retire')}>
      <CommandForm
        fields={['indicatorId', 'reason', ...ACT_FIELDS]}
        submitLabel={t('indicatorAdmin.retireSubmit')}
        onRecorded={onRecorded}
        send={(form, init) =>
          client.POST('/indicators/{indicatorId}/retirement', {
            ...init,
            params: { path: { indicatorId: formText(form, 'indicatorId') } },
            body: reasonOf(form),
          })
        }
      >
        {(errorsOf) => (
          <>
            <IndicatorPick indicators={indicators} errorsOf={errorsOf} />
            <ReasonFields label={t('indicatorAdmin.retireReason')} errorsOf={errorsOf} />
          </>
        )}
      </CommandForm>
    </FormSection>
  );
}
