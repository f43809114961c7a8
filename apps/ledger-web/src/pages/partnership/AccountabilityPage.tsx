import { Link, useSearchParams } from 'react-router';
import { hasRole } from '../../auth/session';
import { useSignedIn } from '../../auth/SessionProvider';
import { unwrap, useLoad, useReload } from '../../api/use-load';
import type { CommitmentLine } from '../../api/types';
import { useFormat } from '../../i18n/use-format';
import { COMMITMENT_KIND, COMMITMENT_STATUS } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { DataTable } from '../../kit/DataTable';
import { LoadedView } from '../../kit/LoadedView';
import { SearchParamForm } from '../../kit/SearchParamForm';
import { Page } from '../../shell/Page';
import { useToday } from '../../kit/dates';
import { MakeCommitmentForm } from '../commitments/MakeCommitmentForm';
import { usePartnership } from './PartnershipLayout';

/** Who committed what, and did they deliver (as of a date, overdue derived from it). */
export function AccountabilityPage() {
  const t = useT();
  const format = useFormat();
  const overview = usePartnership();
  const { partnershipId, name } = overview;
  const session = useSignedIn();
  const [version, reload] = useReload();
  const [search] = useSearchParams();
  // The present unless the reader chose a day: the ledger reads today where its partnerships are.
  const chosen = search.get('asOf');
  const today = useToday();
  const asOf = chosen ?? today;
  const loaded = useLoad(
    (client) =>
      client
        .GET('/partnerships/{partnershipId}/accountability', {
          params: { path: { partnershipId }, query: chosen === null ? {} : { asOf: chosen } },
        })
        .then(unwrap),
    [partnershipId, chosen],
    version,
  );
  const rate = (value: number | null) => (value === null ? '—' : format.percent(value));
  return (
    <Page title={t('accountability.title')} lead={t('accountability.lead', { name })}>
      <SearchParamForm name="asOf" type="date" label={t('asOf.label')} value={asOf} />
      <LoadedView loaded={loaded}>
        {(report) => (
          <>
            <dl className="facts">
              {(
                [
                  ['accountability.made', format.number(report.summary.made)],
                  ['accountability.open', format.number(report.summary.open)],
                  ['accountability.fulfilled', format.number(report.summary.fulfilled)],
                  ['accountability.overdue', format.number(report.summary.overdue)],
                  ['accountability.fulfilmentRate', rate(report.summary.fulfilmentRate)],
                  ['accountability.onTimeRate', rate(report.summary.onTimeRate)],
                ] as const
              ).map(([key, value]) => (
                <div key={key}>
                  <dt>{t(key)}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            <DataTable
              caption={t('accountability.byPartner', { date: format.date(report.asOf) })}
              rows={report.partners}
              rowKey={(line) => line.partnerId}
              columns={[
                {
                  key: 'partner',
                  header: t('partner.name'),
                  rowHeader: true,
                  cell: (l) => l.name ?? l.partnerId,
                },
                {
                  key: 'made',
                  header: t('accountability.made'),
                  numeric: true,
                  cell: (l) => format.number(l.summary.made),
                },
                {
                  key: 'open',
                  header: t('accountability.open'),
                  numeric: true,
                  cell: (l) => format.number(l.summary.open),
                },
                {
                  key: 'fulfilled',
                  header: t('accountability.fulfilled'),
                  numeric: true,
                  cell: (l) => format.number(l.summary.fulfilled),
                },
                {
                  key: 'overdue',
                  header: t('accountability.overdue'),
                  numeric: true,
                  cell: (l) => format.number(l.summary.overdue),
                },
                {
                  key: 'rate',
                  header: t('accountability.fulfilmentRate'),
                  numeric: true,
                  cell: (l) => rate(l.summary.fulfilmentRate),
                },
              ]}
            />
            <h2>{t('accountability.commitments')}</h2>
            {report.partners
              .filter((line) => line.commitments.length > 0)
              .map((line) => (
                <DataTable
                  key={line.partnerId}
                  caption={t('accountability.commitmentsOf', {
                    partner: line.name ?? line.partnerId,
                  })}
                  rows={line.commitments}
                  rowKey={(commitment) => commitment.commitmentId}
                  columns={commitmentColumns(t, format)}
                />
              ))}
            {hasRole(session, 'partner', 'partner_admin', 'admin') ? (
              <MakeCommitmentForm overview={overview} onMade={reload} />
            ) : null}
          </>
        )}
      </LoadedView>
    </Page>
  );
}

function commitmentColumns(t: ReturnType<typeof useT>, format: ReturnType<typeof useFormat>) {
  return [
    {
      key: 'what',
      header: t('commitment.what'),
      rowHeader: true,
      cell: (c: CommitmentLine) => (
        <Link to={`../commitments/${encodeURIComponent(c.commitmentId)}`} relative="path">
          {c.what}
        </Link>
      ),
    },
    {
      key: 'kind',
      header: t('commitment.kind'),
      cell: (c: CommitmentLine) => t(COMMITMENT_KIND[c.kind]),
    },
    {
      key: 'made',
      header: t('commitment.madeOn'),
      cell: (c: CommitmentLine) =>
        c.backfilled
          ? t('commitment.enteredLater', { date: format.date(c.madeOn) })
          : format.date(c.madeOn),
    },
    {
      key: 'due',
      header: t('commitment.due'),
      cell: (c: CommitmentLine) => format.date(c.dueDate),
    },
    {
      key: 'progress',
      header: t('commitment.progress'),
      numeric: true,
      cell: (c: CommitmentLine) =>
        c.quantity === null
          ? '—'
          : t('commitment.progressValue', {
              done: format.number(c.confirmedQuantity),
              total: format.number(c.quantity),
              unit: c.unit ?? '',
            }),
    },
    {
      key: 'status',
      header: t('commitment.status'),
      cell: (c: CommitmentLine) => statusText(t, format, c),
    },
  ];
}

/** Where a commitment stands; fulfilled, whether it was delivered by its due date, and when. */
function statusText(
  t: ReturnType<typeof useT>,
  format: ReturnType<typeof useFormat>,
  c: CommitmentLine,
): string {
  const status = t(COMMITMENT_STATUS[c.status]);
  if (c.overdue) return t('commitment.statusOverdue', { status });
  if (c.fulfilledOnTime === null || c.deliveredOn === null) return status;
  const date = format.date(c.deliveredOn);
  return t(c.fulfilledOnTime ? 'commitment.statusOnTime' : 'commitment.statusLate', {
    status,
    date,
  });
}
