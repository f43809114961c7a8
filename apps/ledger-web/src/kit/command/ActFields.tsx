import { useToday } from '../dates';
import { useT } from '../../i18n/use-t';
import { Field } from '../Field';
import { TextAreaField } from '../TextAreaField';
import { optionalText } from '../form-text';
import type { ErrorsOf } from './CommandForm';

/** The act's two optional properties every command body takes (see ActDto in the API). */
export const ACT_FIELDS = ['effectiveDate', 'backfillReason'] as const;

/**
 * "It happened earlier": the day the act took effect, when it is entered after the fact (a
 * partnership's past), and why it is recorded only now. Folded away, since most acts happen today.
 */
export function ActFields({ errorsOf }: { readonly errorsOf: ErrorsOf }) {
  const t = useT();
  const today = useToday();
  const open = ACT_FIELDS.some((field) => errorsOf(field).length > 0);
  return (
    <details className="act-fields" open={open || undefined}>
      <summary>{t('act.earlier')}</summary>
      <Field
        name="effectiveDate"
        type="date"
        max={today}
        label={t('act.effectiveDate')}
        hint={t('act.effectiveDateHint')}
        errors={errorsOf('effectiveDate')}
      />
      <TextAreaField
        name="backfillReason"
        rows={2}
        label={t('act.backfillReason')}
        hint={t('act.backfillReasonHint')}
        errors={errorsOf('backfillReason')}
      />
    </details>
  );
}

/** The act's properties from a submitted form, each left out when empty. */
export function actOf(form: FormData): { effectiveDate?: string; backfillReason?: string } {
  const effectiveDate = optionalText(form, 'effectiveDate');
  const backfillReason = optionalText(form, 'backfillReason');
  return {
    ...(effectiveDate ? { effectiveDate } : {}),
    ...(backfillReason ? { backfillReason } : {}),
  };
}
