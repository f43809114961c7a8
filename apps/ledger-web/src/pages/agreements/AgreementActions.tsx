import type { components } from '../../api/schema';
import { useLedgerClient } from '../../api/LedgerClientProvider';
import { useT } from '../../i18n/use-t';
import { TextAreaField } from '../../kit/TextAreaField';
import { ACT_FIELDS, ActFields, actOf } from '../../kit/command/ActFields';
import { CommandForm } from '../../kit/command/CommandForm';
import { formText } from '../../kit/form-text';
import { clausesOfText, textOfClauses } from './clauses';

type Agreement = components['schemas']['AgreementRecordDocument'];
type Version = components['schemas']['AgreementTermsVersionDocument'];

/** What a party may do with an agreement, as the ledger's rules allow it (it still decides). */
export function agreementActionsOf(agreement: Agreement, partnerId: string | null) {
  const party = partnerId !== null && agreement.parties.includes(partnerId);
  const pending = party && agreement.pendingSignatures.includes(partnerId);
  const open = agreement.status === 'awaiting_signatures' || agreement.status === 'in_force';
  return {
    sign: pending,
    decline: pending && agreement.status === 'awaiting_signatures',
    amend: party && open,
    terminate: party && agreement.status === 'in_force',
  };
}

interface ActionProps {
  readonly agreementId: string;
  /** Once recorded: what to say, and the page to load again. */
  readonly onRecorded: (said: string) => void;
}

/**
 * Signing the version on screen: the form sends the hash shown above it, so a page left open while
 * another party amended the terms signs nothing (the ledger answers that the terms are outdated).
 */
export function SignAgreement({
  agreementId,
  version,
  onRecorded,
}: ActionProps & { readonly version: Version }) {
  const t = useT();
  const client = useLedgerClient();
  const said = t('agreementForm.signed', { version: version.version });
  return (
    <CommandForm
      inline
      fields={['termsHash']}
      label={t('agreementForm.signLabel', { version: version.version })}
      submitLabel={t('agreementForm.sign', { version: version.version })}
      onRecorded={() => onRecorded(said)}
      send={(form, init) =>
        client.POST('/agreements/{agreementId}/signatures', {
          ...init,
          params: { path: { agreementId } },
          body: { termsHash: formText(form, 'termsHash') },
        })
      }
    >
      {() => <input type="hidden" name="termsHash" value={version.termsHash} />}
    </CommandForm>
  );
}

export function AmendAgreement({
  agreementId,
  version,
  onRecorded,
}: ActionProps & { readonly version: Version }) {
  const t = useT();
  const client = useLedgerClient();
  return (
    <section aria-labelledby="amend-agreement">
      <h3 id="amend-agreement">{t('agreementForm.amend')}</h3>
      <CommandForm
        fields={['clauses', 'reason', ...ACT_FIELDS]}
        label={t('agreementForm.amend')}
        submitLabel={t('agreementForm.amendSubmit')}
        onRecorded={() => onRecorded(t('agreementForm.amended'))}
        send={(form, init) =>
          client.POST('/agreements/{agreementId}/amendments', {
            ...init,
            params: { path: { agreementId } },
            body: {
              clauses: clausesOfText(formText(form, 'clauses'), version.clauses),
              reason: formText(form, 'reason').trim(),
              ...actOf(form),
            },
          })
        }
      >
        {(errorsOf) => (
          <>
            <TextAreaField
              name="clauses"
              rows={6}
              label={t('agreementForm.newTerms')}
              hint={t('agreementForm.termsHint')}
              defaultValue={textOfClauses(version.clauses)}
              errors={errorsOf('clauses')}
            />
            <TextAreaField
              name="reason"
              rows={2}
              label={t('agreementForm.amendReason')}
              errors={errorsOf('reason')}
            />
            <ActFields errorsOf={errorsOf} />
          </>
        )}
      </CommandForm>
    </section>
  );
}

/** Declining (before signing) or terminating (once in force): the party says why. */
export function CloseAgreement({
  agreementId,
  onRecorded,
  how,
}: ActionProps & { readonly how: 'decline' | 'terminate' }) {
  const t = useT();
  const client = useLedgerClient();
  const declining = how === 'decline';
  const heading = `close-agreement-${how}`;
  return (
    <section aria-labelledby={heading}>
      <h3 id={heading}>{t(declining ? 'agreementForm.decline' : 'agreementForm.terminate')}</h3>
      <CommandForm
        fields={['reason', ...ACT_FIELDS]}
        label={t(declining ? 'agreementForm.decline' : 'agreementForm.terminate')}
        submitLabel={t(declining ? 'agreementForm.declineSubmit' : 'agreementForm.terminateSubmit')}
        onRecorded={() =>
          onRecorded(t(declining ? 'agreementForm.declined' : 'agreementForm.terminated'))
        }
        send={(form, init) => {
          const body = { reason: formText(form, 'reason').trim(), ...actOf(form) };
          const params = { path: { agreementId } };
          return declining
            ? client.POST('/agreements/{agreementId}/decline', { ...init, params, body })
            : client.POST('/agreements/{agreementId}/termination', { ...init, params, body });
        }}
      >
        {(errorsOf) => (
          <>
            <TextAreaField
              name="reason"
              rows={2}
              label={t(declining ? 'agreementForm.declineReason' : 'agreementForm.terminateReason')}
              errors={errorsOf('reason')}
            />
            <ActFields errorsOf={errorsOf} />
          </>
        )}
      </CommandForm>
    </section>
  );
}
