import type { LedgerClient } from '../../api/client';
import type { components } from '../../api/schema';
import { unwrap, useLoad, useReload } from '../../api/use-load';
import { hasRole } from '../../auth/session';
import { useSignedIn } from '../../auth/SessionProvider';
import { ERASURE_STATUS } from '../../i18n/labels';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { DataTable } from '../../kit/DataTable';
import { LoadedView } from '../../kit/LoadedView';
import { usePersonalText } from '../../kit/PersonalText';
import { Page } from '../../shell/Page';
import { AnswerErasure } from './AnswerErasure';
import { RequestErasure } from './RequestErasure';
import { type PeopleNames, SubjectName } from './subjects';

type Step = components['schemas']['ErasureStepDocument'];

/** Erasure requests are rare: one page of them, and the caption says when there are more. */
const SHOWN = 500;

async function loadPersonalData(client: LedgerClient) {
  const [erasures, people] = await Promise.all([
    client.GET('/erasures', { params: { query: { limit: SHOWN } } }).then(unwrap),
    client
      .GET('/people', { params: { query: { limit: 500 } } })
      .then(unwrap)
      // A viewer who may not read the directory sees people's ids instead of their names.
      .then(
        (page) => page.items,
        () => [],
      ),
  ]);
  const names: PeopleNames = new Map(people.map((person) => [person.personId, person.displayName]));
  return { erasures: erasures.items, more: erasures.next !== null, people, names };
}

/**
 * Administration → Personal data: the erasure requests (GDPR Art. 17), who asked, who answered,
 * when and why; administrators record requests and answer them (carry out, decline), auditors read.
 */
export function PersonalDataPage() {
  const t = useT();
  const session = useSignedIn();
  const [version, reload] = useReload();
  const loaded = useLoad(loadPersonalData, [], version);
  const administers = hasRole(session, 'admin');
  return (
    <Page title={t('personalData.title')} lead={t('personalData.lead')}>
      <LoadedView loaded={loaded}>
        {({ erasures, more, people, names }) => {
          const awaiting = erasures.filter((erasure) => erasure.status === 'requested');
          return (
            <>
              <DataTable
                caption={
                  more
                    ? t('personalData.requestsFirst', { count: erasures.length })
                    : t('personalData.requests')
                }
                rows={erasures}
                rowKey={(erasure) => erasure.erasureId}
                empty={t('personalData.none')}
                columns={[
                  {
                    key: 'subject',
                    header: t('personalData.subject'),
                    rowHeader: true,
                    cell: (erasure) => <SubjectName subject={erasure.dataSubject} names={names} />,
                  },
                  {
                    key: 'status',
                    header: t('personalData.status'),
                    cell: (erasure) => t(ERASURE_STATUS[erasure.status]),
                  },
                  {
                    key: 'requested',
                    header: t('personalData.requested'),
                    cell: (erasure) => <StepText step={erasure.requested} names={names} />,
                  },
                  {
                    key: 'answered',
                    header: t('personalData.answered'),
                    cell: (erasure) => {
                      const answer = erasure.carriedOut ?? erasure.declined;
                      return answer ? <StepText step={answer} names={names} /> : '—';
                    },
                  },
                ]}
              />
              {administers && awaiting.length > 0 ? (
                <section aria-labelledby="personal-data-awaiting">
                  <h2 id="personal-data-awaiting">{t('personalData.awaiting')}</h2>
                  {awaiting.map((erasure) => (
                    <AnswerErasure
                      key={erasure.erasureId}
                      erasure={erasure}
                      names={names}
                      onRecorded={reload}
                    />
                  ))}
                </section>
              ) : null}
              {administers ? <RequestErasure people={people} onRecorded={reload} /> : null}
            </>
          );
        }}
      </LoadedView>
    </Page>
  );
}

/** Who took a step (by name when the directory knows them), when, and why. */
function StepText({ step, names }: { readonly step: Step; readonly names: PeopleNames }) {
  const t = useT();
  const format = useFormat();
  const personalText = usePersonalText();
  return (
    <>
      {t('personalData.stepBy', {
        name: personalText(names.get(step.by) ?? step.by),
        at: format.dateTime(step.at),
      })}
      <br />
      {step.reason}
    </>
  );
}
