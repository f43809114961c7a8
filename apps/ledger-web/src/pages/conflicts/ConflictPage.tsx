import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { LedgerClient } from '../../api/client';
import { ProblemError, unwrap, useLoad, useReload } from '../../api/use-load';
import { useFormat } from '../../i18n/use-format';
import { CONFLICT_STATUS } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { LoadedView } from '../../kit/LoadedView';
import { Page } from '../../shell/Page';
import { type PartnerNames, loadPartnerNames } from '../partner-names';
import { ConflictActions } from './ConflictActions';
import { loadMediators } from './mediators';
import { ReplayScrubber } from './ReplayScrubber';

/**
 * A conflict's case file, what the signed-in person may do with it now, and its replay: the case
 * as it stood after any step. Partners and mediators are named, not shown by id.
 */
export function ConflictPage() {
  const t = useT();
  const format = useFormat();
  const { conflictId = '' } = useParams();
  const [reloaded, reload] = useReload();
  const [said, setSaid] = useState('');
  const recorded = (text: string) => {
    setSaid(text);
    reload();
  };
  const loaded = useLoad(
    async (client) => {
      const path = { params: { path: { conflictId } } };
      const [conflict, replay, mediators] = await Promise.all([
        client.GET('/conflicts/{conflictId}', path).then(unwrap),
        client
          .GET('/conflicts/{conflictId}/replay', {
            params: { path: { conflictId }, query: { limit: 500 } },
          })
          .then(unwrap),
        loadMediators(client),
      ]);
      const name = await namesForCase(client, conflict.partnershipId);
      return { conflict, replay, mediators, name };
    },
    [conflictId],
    reloaded,
  );
  return (
    <LoadedView loaded={loaded}>
      {({ conflict, replay, mediators, name }) => (
        <Page title={t('conflict.title', { summary: conflict.summary })}>
          <p className="context">
            <Link to={`/partnerships/${conflict.partnershipId}/conflicts`}>
              {t('conflict.backToList')}
            </Link>
          </p>
          <dl className="facts">
            <div>
              <dt>{t('conflict.status')}</dt>
              <dd>{t(CONFLICT_STATUS[conflict.status])}</dd>
            </div>
            <div>
              <dt>{t('conflict.raisedBy')}</dt>
              <dd>{name(conflict.raisedBy)}</dd>
            </div>
            <div>
              <dt>{t('conflict.parties')}</dt>
              <dd>{conflict.parties.map(name).join(', ')}</dd>
            </div>
            <div>
              <dt>{t('conflict.mediator')}</dt>
              <dd>{conflict.mediatorId ? mediators.name(conflict.mediatorId) : '—'}</dd>
            </div>
            <div>
              <dt>{t('conflict.followUp')}</dt>
              <dd>{conflict.followUpReviewOn ? format.date(conflict.followUpReviewOn) : '—'}</dd>
            </div>
          </dl>
          <p role="status" className="command-status">
            {said}
          </p>
          <ConflictActions
            conflict={conflict}
            name={name}
            mediators={mediators}
            onRecorded={recorded}
          />
          <h2>{t('replay.title')}</h2>
          <ReplayScrubber
            key={replay.steps.length}
            steps={replay.steps}
            name={name}
            mediatorName={mediators.name}
          />
        </Page>
      )}
    </LoadedView>
  );
}

/**
 * The partners' names, for whoever reads the partnership; a mediator, who sees the case but not
 * the partnership (403 or 404), reads the partners' ids instead.
 */
function namesForCase(client: LedgerClient, partnershipId: string): Promise<PartnerNames> {
  return loadPartnerNames(client, partnershipId).catch((error: unknown) => {
    const refused = error instanceof ProblemError && [403, 404].includes(error.problem.status);
    if (!refused) throw error;
    return (partnerId: string) => partnerId;
  });
}
