import { useState } from 'react';
import type { components } from '../../api/schema';
import { useFormat } from '../../i18n/use-format';
import { CONFLICT_EVENT, CONFLICT_STATUS } from '../../i18n/labels';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import type { PartnerNames } from '../partner-names';

type Step = components['schemas']['CaseStepDocument'];

/** A detail shown other than as it is recorded: a date as the locale writes it, a name for an id. */
type DetailKind = 'date' | 'partner' | 'mediator';

/** What a step's data may say, in words a reader wants: who, and what was said or decided. */
const DETAILS: ReadonlyArray<readonly [string, MessageKey, DetailKind?]> = [
  ['partyId', 'replay.detail.party', 'partner'],
  ['mediatorId', 'replay.detail.mediator', 'mediator'],
  ['summary', 'replay.detail.summary'],
  ['text', 'replay.detail.text'],
  ['terms', 'replay.detail.terms'],
  ['reason', 'replay.detail.reason'],
  ['heldOn', 'replay.detail.heldOn', 'date'],
  ['reviewOn', 'replay.detail.reviewOn', 'date'],
];

/**
 * The replay: a slider and a timeline over the case's steps; the case's state after the chosen
 * step is shown beside it. Keyboard: the slider's arrows, Home and End, or the step buttons.
 */
export function ReplayScrubber({
  steps,
  name,
  mediatorName,
}: {
  readonly steps: readonly Step[];
  readonly name: PartnerNames;
  /** A mediator's name by person id (the id itself when unknown). */
  readonly mediatorName: (personId: string) => string;
}) {
  const t = useT();
  const format = useFormat();
  const [index, setIndex] = useState(steps.length - 1);
  const step = steps[index];
  if (!step) return <p>{t('replay.empty')}</p>;
  const shownAs: Record<DetailKind, (value: string) => string> = {
    date: (value) => format.date(value),
    partner: name,
    mediator: mediatorName,
  };
  const eventName = (type: string) => {
    const key = CONFLICT_EVENT[type];
    return key ? t(key) : t('replay.otherEvent');
  };
  return (
    <div className="replay">
      <div className="scrubber">
        <label htmlFor="replay-step">{t('replay.stepLabel')}</label>
        <input
          id="replay-step"
          type="range"
          min={0}
          max={steps.length - 1}
          step={1}
          value={index}
          aria-valuetext={t('replay.stepValue', {
            step: index + 1,
            total: steps.length,
            event: eventName(step.type),
          })}
          onChange={(event) => setIndex(Number(event.target.value))}
        />
        <output htmlFor="replay-step" aria-live="polite">
          {t('replay.stepValue', {
            step: index + 1,
            total: steps.length,
            event: eventName(step.type),
          })}
        </output>
      </div>
      <div className="replay-columns">
        <ol className="timeline" aria-label={t('replay.timeline')}>
          {steps.map((candidate, candidateIndex) => (
            <li key={candidate.revision}>
              <button
                type="button"
                aria-current={candidateIndex === index ? 'step' : undefined}
                onClick={() => setIndex(candidateIndex)}
              >
                <span className="timeline-date">{format.date(candidate.effectiveDate)}</span>
                <span>{eventName(candidate.type)}</span>
              </button>
            </li>
          ))}
        </ol>
        <section aria-labelledby="replay-state" className="replay-state">
          <h3 id="replay-state">
            {t('replay.stateAfter', {
              event: eventName(step.type),
              date: format.date(step.effectiveDate),
            })}
          </h3>
          <dl className="facts">
            <div>
              <dt>{t('conflict.status')}</dt>
              <dd>{t(CONFLICT_STATUS[step.state.status])}</dd>
            </div>
            <div>
              <dt>{t('replay.actor')}</dt>
              <dd>{step.actor.sub}</dd>
            </div>
            <div>
              <dt>{t('conflict.mediator')}</dt>
              <dd>{step.state.mediatorId ? mediatorName(step.state.mediatorId) : '—'}</dd>
            </div>
            <div>
              <dt>{t('replay.counts')}</dt>
              <dd>
                {t('replay.countsValue', {
                  statements: step.state.statements,
                  sessions: step.state.sessions,
                  proposals: step.state.proposals,
                })}
              </dd>
            </div>
          </dl>
          <dl className="step-details">
            {DETAILS.map(([field, label, kind]) => {
              const value = step.data[field];
              if (typeof value !== 'string') return null;
              return (
                <div key={field}>
                  <dt>{t(label)}</dt>
                  <dd>{kind ? shownAs[kind](value) : value}</dd>
                </div>
              );
            })}
          </dl>
        </section>
      </div>
    </div>
  );
}
