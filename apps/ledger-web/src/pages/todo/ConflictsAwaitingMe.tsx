import { Link } from 'react-router';
import type { LedgerClient } from '../../api/client';
import type { components } from '../../api/schema';
import { unwrap, useLoad } from '../../api/use-load';
import type { MessageKey } from '../../i18n/messages';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { LoadedView } from '../../kit/LoadedView';
import { useToday } from '../../kit/dates';
import { conflictActsOf } from '../conflicts/conflict-acts';

type ConflictCase = components['schemas']['ConflictCaseDocument'];
/** Follow-up reviews show this many days ahead, so that they can be prepared. */
const REVIEW_NOTICE_DAYS = 14;

interface Waiting {
  readonly conflict: ConflictCase;
  readonly why: MessageKey;
}

/**
 * The conflicts that wait for the signed-in person: as a party, a case raised against them to
 * acknowledge, a mediator or a resolution proposed that they have not yet answered; as the
 * mediator, the cases in mediation; for both, follow-up reviews coming up. Each leads to the
 * case, where the action is.
 */
export function ConflictsAwaitingMe({
  partnerId,
  personId,
}: {
  readonly partnerId: string | null;
  readonly personId: string;
}) {
  const t = useT();
  const format = useFormat();
  const today = useToday();
  const loaded = useLoad(
    (client) => waitingFor(client, partnerId, personId, today),
    [partnerId, personId, today],
  );
  return (
    <section aria-labelledby="todo-conflicts">
      <LoadedView loaded={loaded}>
        {(waiting) => (
          <>
            <h2 id="todo-conflicts">{t('todo.conflicts', { count: waiting.length })}</h2>
            {waiting.length === 0 ? (
              <p>{t('todo.nothingInConflicts')}</p>
            ) : (
              <ul>
                {waiting.map(({ conflict, why }) => (
                  <li key={`${conflict.conflictId}-${why}`}>
                    <Link to={`/conflicts/${encodeURIComponent(conflict.conflictId)}`}>
                      {conflict.summary}
                    </Link>
                    {' — '}
                    {t(why, { date: format.date(conflict.followUpReviewOn ?? today) })}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </LoadedView>
    </section>
  );
}

async function waitingFor(
  client: LedgerClient,
  partnerId: string | null,
  personId: string,
  today: string,
): Promise<Waiting[]> {
  const list = (query: { party?: string; mediator?: string }) =>
    client
      .GET('/conflicts', { params: { query: { ...query, limit: 100 } } })
      .then(unwrap)
      .then((page) => page.items);
  const [asParty, asMediator] = await Promise.all([
    partnerId ? list({ party: partnerId }) : Promise.resolve([]),
    list({ mediator: personId }),
  ]);
  const reviewBy = addDays(today, REVIEW_NOTICE_DAYS);
  const waiting: Waiting[] = [];
  for (const conflict of asParty) {
    const why = partyAction(conflict, partnerId ?? '', personId);
    if (why) waiting.push({ conflict, why });
  }
  for (const conflict of asMediator) {
    if (conflict.status === 'in_mediation') waiting.push({ conflict, why: 'todo.conflictMediate' });
  }
  for (const conflict of [...asParty, ...asMediator]) {
    const review = conflict.followUpReviewOn;
    if (
      review &&
      review <= reviewBy &&
      !waiting.some(
        (w) => w.why === 'todo.conflictReview' && w.conflict.conflictId === conflict.conflictId,
      )
    ) {
      waiting.push({ conflict, why: 'todo.conflictReview' });
    }
  }
  return waiting;
}

/** What a party has yet to do on a case, by the case's rules (see conflictActsOf), if anything. */
function partyAction(
  conflict: ConflictCase,
  partnerId: string,
  personId: string,
): MessageKey | null {
  const may = conflictActsOf(conflict, { partnerId, personId, roles: [] });
  if (may.acknowledge) return 'todo.conflictAcknowledge';
  if (may.answerMediator) return 'todo.conflictMediator';
  if (may.answerResolution) return 'todo.conflictResolution';
  return null;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
