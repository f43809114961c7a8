import { useLedgerClient } from '../../api/LedgerClientProvider';
import { useSignedIn } from '../../auth/SessionProvider';
import { hasRole } from '../../auth/session';
import { useT } from '../../i18n/use-t';
import { Field } from '../../kit/Field';
import { TextAreaField } from '../../kit/TextAreaField';
import { ACT_FIELDS, ActFields, actOf } from '../../kit/command/ActFields';
import { CommandForm } from '../../kit/command/CommandForm';
import { formText, optionalText } from '../../kit/form-text';
import { clausesOfText } from '../agreements/clauses';
import { ChoiceBoxes, ticked } from '../../kit/ChoiceBoxes';
import { usePartnership } from './PartnershipLayout';
import { partnerChoices } from './partnership-choices';

const FIELDS = ['title', 'parties', 'clauses', 'endsOn', ...ACT_FIELDS];

/**
 * Proposing an agreement between members: its terms, one clause per paragraph, become version 1,
 * which every party then signs. For administrators and the partnership's members.
 */
export function ProposeAgreement({ onProposed }: { readonly onProposed: () => void }) {
  const t = useT();
  const client = useLedgerClient();
  const session = useSignedIn();
  const overview = usePartnership();
  const choices = partnerChoices(overview);
  const member = choices.some((choice) => choice.value === session.partnerId);
  if (!member && !hasRole(session, 'admin')) return null;
  return (
    <section aria-labelledby="propose-agreement">
      <h2 id="propose-agreement">{t('agreementForm.propose')}</h2>
      <CommandForm
        fields={FIELDS}
        label={t('agreementForm.propose')}
        submitLabel={t('agreementForm.proposeSubmit')}
        recordedText={t('agreementForm.proposed')}
        onRecorded={onProposed}
        send={(form, init) => {
          const endsOn = optionalText(form, 'endsOn');
          return client.POST('/agreements', {
            ...init,
            body: {
              partnershipId: overview.partnershipId,
              title: formText(form, 'title').trim(),
              parties: ticked(form, 'parties'),
              clauses: clausesOfText(formText(form, 'clauses')),
              ...(endsOn ? { endsOn } : {}),
              ...actOf(form),
            },
          });
        }}
      >
        {(errorsOf) => (
          <>
            <Field name="title" label={t('agreementForm.title')} errors={errorsOf('title')} />
            <ChoiceBoxes
              name="parties"
              legend={t('agreementForm.parties')}
              choices={choices}
              chosen={session.partnerId ? [session.partnerId] : []}
              errors={errorsOf('parties')}
            />
            <TextAreaField
              name="clauses"
              rows={6}
              label={t('agreementForm.terms')}
              hint={t('agreementForm.termsHint')}
              errors={errorsOf('clauses')}
            />
            <Field
              name="endsOn"
              type="date"
              label={t('agreementForm.endsOn')}
              hint={t('agreementForm.endsOnHint')}
              errors={errorsOf('endsOn')}
            />
            <ActFields errorsOf={errorsOf} />
          </>
        )}
      </CommandForm>
    </section>
  );
}
