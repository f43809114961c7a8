import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { components } from '../../api/schema';
import { unwrap, useLoad, useReload } from '../../api/use-load';
import { useSignedIn } from '../../auth/SessionProvider';
import { useFormat } from '../../i18n/use-format';
import { AGREEMENT_STATUS } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { DataTable } from '../../kit/DataTable';
import { LoadedView } from '../../kit/LoadedView';
import { Page } from '../../shell/Page';
import { type PartnerNames, loadPartnerNames } from '../partner-names';
import {
  AmendAgreement,
  CloseAgreement,
  SignAgreement,
  agreementActionsOf,
} from './AgreementActions';
import { TermsChanges } from './TermsChanges';

type Version = components['schemas']['AgreementTermsVersionDocument'];

/**
 * An agreement: its versions, what each changed, who signed which version, who has yet to; and
 * what the signed-in party may do with it (sign the version shown, decline, amend, terminate).
 */
export function AgreementPage() {
  const t = useT();
  const format = useFormat();
  const { agreementId = '' } = useParams();
  const { partnerId } = useSignedIn();
  const [reloaded, reload] = useReload();
  const [said, setSaid] = useState('');
  const recorded = (text: string) => {
    setSaid(text);
    reload();
  };
  const loaded = useLoad(
    async (client) => {
      const agreement = await client
        .GET('/agreements/{agreementId}', { params: { path: { agreementId } } })
        .then(unwrap);
      return { agreement, name: await loadPartnerNames(client, agreement.partnershipId) };
    },
    [agreementId],
    reloaded,
  );
  const [chosen, setChosen] = useState<number | null>(null);
  return (
    <LoadedView loaded={loaded}>
      {({ agreement, name }) => {
        const shown =
          agreement.versions.find((version) => version.version === chosen) ??
          agreement.versions[agreement.versions.length - 1];
        const previous = agreement.versions.find(
          (version) => shown && version.version === shown.version - 1,
        );
        const may = agreementActionsOf(agreement, partnerId);
        const current = agreement.versions[agreement.versions.length - 1];
        const acts = { agreementId: agreement.agreementId, onRecorded: recorded };
        return (
          <Page title={agreement.title}>
            <p className="context">
              <Link to={`/partnerships/${agreement.partnershipId}/agreements`}>
                {t('agreement.backToList')}
              </Link>
            </p>
            <dl className="facts">
              <div>
                <dt>{t('agreement.status')}</dt>
                <dd>{t(AGREEMENT_STATUS[agreement.status])}</dd>
              </div>
              <div>
                <dt>{t('agreement.parties')}</dt>
                <dd>{agreement.parties.map(name).join(', ')}</dd>
              </div>
              <div>
                <dt>{t('agreement.pendingSignatures')}</dt>
                <dd>
                  {agreement.pendingSignatures.length
                    ? agreement.pendingSignatures.map(name).join(', ')
                    : t('agreement.noPendingSignatures')}
                </dd>
              </div>
              <div>
                <dt>{t('agreement.endsOn')}</dt>
                <dd>{agreement.endsOn ? format.date(agreement.endsOn) : '—'}</dd>
              </div>
            </dl>
            <p role="status" className="command-status">
              {said}
            </p>
            <h2>{t('agreement.versions')}</h2>
            <div className="inline-form">
              <label htmlFor="version-choice">{t('agreement.showVersion')}</label>
              <select
                id="version-choice"
                value={shown?.version ?? ''}
                onChange={(event) => setChosen(Number(event.target.value))}
              >
                {agreement.versions.map((version) => (
                  <option key={version.version} value={version.version}>
                    {t('agreement.versionOption', {
                      version: version.version,
                      date: format.date(version.effectiveDate),
                    })}
                  </option>
                ))}
              </select>
            </div>
            {shown ? (
              <VersionDetails
                version={shown}
                previous={previous}
                name={name}
                dayOf={(number) =>
                  agreement.versions.find((v) => v.version === number)?.effectiveDate
                }
              >
                {may.sign && shown === current ? <SignAgreement version={shown} {...acts} /> : null}
              </VersionDetails>
            ) : null}
            {current && (may.amend || may.decline || may.terminate) ? (
              <section aria-labelledby="agreement-acts">
                <h2 id="agreement-acts">{t('agreementForm.yourActs')}</h2>
                {may.amend ? <AmendAgreement version={current} {...acts} /> : null}
                {may.decline ? <CloseAgreement how="decline" {...acts} /> : null}
                {may.terminate ? <CloseAgreement how="terminate" {...acts} /> : null}
              </section>
            ) : null}
          </Page>
        );
      }}
    </LoadedView>
  );
}

function VersionDetails({
  version,
  previous,
  name,
  dayOf,
  children,
}: {
  readonly version: Version;
  readonly previous?: Version;
  readonly name: PartnerNames;
  /** The day a version of these terms took effect. */
  readonly dayOf: (version: number) => string | undefined;
  /** Signing this version, for a party whose signature it awaits. */
  readonly children?: ReactNode;
}) {
  const t = useT();
  const format = useFormat();
  return (
    <section aria-labelledby="version-heading" className="version">
      <h3 id="version-heading">{t('agreement.versionHeading', { version: version.version })}</h3>
      <p>
        {t('agreement.termsHash')} <code className="hash">{version.termsHash}</code>
      </p>
      {children}
      {version.reason ? <p>{t('agreement.amendmentReason', { reason: version.reason })}</p> : null}
      <TermsChanges previous={previous} version={version} />
      <DataTable
        caption={t('agreement.signaturesOf', { version: version.version })}
        rows={version.signatures}
        rowKey={(signature) => signature.partyId}
        empty={t('agreement.noSignatures')}
        columns={[
          {
            key: 'party',
            header: t('agreement.party'),
            rowHeader: true,
            cell: (s) => name(s.partyId),
          },
          {
            key: 'signed',
            header: t('agreement.signedAt'),
            cell: (s) => format.date(s.signedOn),
          },
          { key: 'by', header: t('agreement.signedBy'), cell: (s) => s.actor },
          {
            key: 'standing',
            header: t('agreement.signatureState'),
            cell: (s) =>
              s.void === null
                ? t('agreement.signatureValid')
                : t('agreement.signatureVoid', {
                    version: s.void.byVersion,
                    date: format.date(dayOf(s.void.byVersion) ?? s.void.at),
                  }),
          },
        ]}
      />
    </section>
  );
}
