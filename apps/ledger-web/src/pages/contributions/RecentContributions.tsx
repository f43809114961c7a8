import { useSignedIn } from '../../auth/SessionProvider';
import { hasRole } from '../../auth/session';
import { useLedgerClient } from '../../api/LedgerClientProvider';
import type { components } from '../../api/schema';
import { useFormat } from '../../i18n/use-format';
import { CONTRIBUTION_KIND } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { DataTable } from '../../kit/DataTable';
import { Field } from '../../kit/Field';
import { CommandForm } from '../../kit/command/CommandForm';
import { formText, optionalText } from '../../kit/form-text';
import type { PartnerNames } from '../partner-names';

type Contribution = components['schemas']['RecognisedContributionDocument'];
/** The latest contributions are the ones people act on; the totals above cover them all. */
const SHOWN = 20;

/**
 * The latest contributions, each with what the signed-in person may do: another member thanks
 * the contributor (an acknowledgement, with a note), the contributor or an administrator
 * reverses one recorded by mistake (with the reason; it stays in the log, listed apart).
 */
export function RecentContributions({
  contributions,
  partnerName,
  onRecorded,
}: {
  /** The latest first. */
  readonly contributions: readonly Contribution[];
  readonly partnerName: PartnerNames;
  readonly onRecorded: () => void;
}) {
  const t = useT();
  const format = useFormat();
  const session = useSignedIn();
  const latest = contributions.filter((c) => c.status !== 'reversed').slice(0, SHOWN);
  return (
    <DataTable
      caption={t('contributions.latest', { count: latest.length })}
      rows={latest}
      rowKey={(c) => c.contributionId}
      empty={t('contributions.none')}
      columns={[
        {
          key: 'what',
          header: t('contribution.description'),
          rowHeader: true,
          cell: (c) => c.description,
        },
        { key: 'partner', header: t('partner.name'), cell: (c) => partnerName(c.partnerId) },
        {
          key: 'quantity',
          header: t('contribution.quantity'),
          numeric: true,
          cell: (c) =>
            `${t(CONTRIBUTION_KIND[c.kind])}: ${t('quantity.withUnit', {
              quantity: format.number(c.quantity),
              unit: c.unit,
            })}`,
        },
        { key: 'date', header: t('contribution.date'), cell: (c) => format.date(c.date) },
        {
          key: 'act',
          header: t('todo.action'),
          cell: (c) => {
            const mine = session.partnerId === c.partnerId;
            const thanked = session.partnerId ? c.acknowledgedBy.includes(session.partnerId) : true;
            return (
              <>
                {!mine && !thanked ? (
                  <Acknowledge contribution={c} onRecorded={onRecorded} />
                ) : null}
                {mine || hasRole(session, 'admin') ? (
                  <Reverse contribution={c} onRecorded={onRecorded} />
                ) : null}
              </>
            );
          },
        },
      ]}
    />
  );
}

interface OnContribution {
  readonly contribution: Contribution;
  readonly onRecorded: () => void;
}

function Acknowledge({ contribution, onRecorded }: OnContribution) {
  const t = useT();
  const client = useLedgerClient();
  return (
    <CommandForm
      inline
      fields={['note']}
      label={t('contribution.acknowledgeOf', { what: contribution.description })}
      submitLabel={t('contribution.acknowledge')}
      recordedText={t('contribution.acknowledged')}
      onRecorded={onRecorded}
      send={(form, init) => {
        const note = optionalText(form, 'note');
        return client.POST('/contributions/{contributionId}/acknowledgements', {
          ...init,
          params: { path: { contributionId: contribution.contributionId } },
          body: note ? { note } : {},
        });
      }}
    >
      {(errorsOf) => (
        <Field name="note" label={t('contribution.acknowledgeNote')} errors={errorsOf('note')} />
      )}
    </CommandForm>
  );
}

function Reverse({ contribution, onRecorded }: OnContribution) {
  const t = useT();
  const client = useLedgerClient();
  return (
    <CommandForm
      inline
      fields={['reason']}
      label={t('contribution.reverseOf', { what: contribution.description })}
      submitLabel={t('contribution.reverse')}
      recordedText={t('contribution.reversedNow')}
      onRecorded={onRecorded}
      send={(form, init) =>
        client.POST('/contributions/{contributionId}/reversal', {
          ...init,
          params: { path: { contributionId: contribution.contributionId } },
          body: { reason: formText(form, 'reason').trim() },
        })
      }
    >
      {(errorsOf) => (
        <Field name="reason" label={t('contribution.reversalReason')} errors={errorsOf('reason')} />
      )}
    </CommandForm>
  );
}
