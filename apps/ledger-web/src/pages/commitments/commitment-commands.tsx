import { useLedgerClient } from '../../api/LedgerClientProvider';
import { useT } from '../../i18n/use-t';
import { Field } from '../../kit/Field';
import { CommandForm } from '../../kit/command/CommandForm';
import { formText } from '../../kit/form-text';
import { actingPartnerOf } from '../partnership/ActingPartnerField';

interface OnCommitment {
  readonly commitmentId: string;
  /** What the action is about, read with its button ("Accept: Homework club"). */
  readonly what: string;
  readonly onRecorded: () => void;
}

/** Another member accepts a commitment on the partnership's behalf. */
export function AcceptCommitment({ commitmentId, what, onRecorded }: OnCommitment) {
  const t = useT();
  const client = useLedgerClient();
  return (
    <CommandForm
      inline
      fields={[]}
      label={t('commitment.acceptOf', { what })}
      submitLabel={t('commitment.accept')}
      recordedText={t('commitment.accepted')}
      onRecorded={onRecorded}
      send={(form, init) =>
        client.POST('/commitments/{commitmentId}/acceptance', {
          ...init,
          params: { path: { commitmentId } },
          body: actingPartnerOf(form),
        })
      }
    />
  );
}

/** Another member confirms a delivery claimed by the committer, or disputes it with a reason. */
export function SettleClaim({
  commitmentId,
  claimId,
  what,
  onRecorded,
}: OnCommitment & { readonly claimId: string }) {
  const t = useT();
  const client = useLedgerClient();
  const path = { params: { path: { commitmentId, claimId } } };
  return (
    <div className="settle-claim">
      <CommandForm
        inline
        fields={[]}
        label={t('claim.confirmOf', { what })}
        submitLabel={t('claim.confirm')}
        recordedText={t('claim.confirmed')}
        onRecorded={onRecorded}
        send={(form, init) =>
          client.POST('/commitments/{commitmentId}/fulfilment-claims/{claimId}/confirmation', {
            ...init,
            ...path,
            body: actingPartnerOf(form),
          })
        }
      />
      <CommandForm
        inline
        fields={['reason']}
        label={t('claim.disputeOf', { what })}
        submitLabel={t('claim.dispute')}
        recordedText={t('claim.disputed')}
        onRecorded={onRecorded}
        send={(form, init) =>
          client.POST('/commitments/{commitmentId}/fulfilment-claims/{claimId}/dispute', {
            ...init,
            ...path,
            body: { reason: formText(form, 'reason').trim(), ...actingPartnerOf(form) },
          })
        }
      >
        {(errorsOf) => (
          <Field name="reason" label={t('claim.disputeReason')} errors={errorsOf('reason')} />
        )}
      </CommandForm>
    </div>
  );
}
