import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type Problem, problemToFields } from '../api/problem';
import { I18nProvider } from '../i18n/I18nProvider';
import { ProblemAlert } from './ProblemAlert';

/** The alert a form shows for this answer of the ledger, in French. */
function alertFor(problem: Problem): HTMLElement {
  const messageErrors: string[] = [];
  render(
    <I18nProvider locale="fr" onMessageError={(error) => messageErrors.push(error.message)}>
      <ProblemAlert problems={problemToFields(problem, [])} />
    </I18nProvider>,
  );
  expect(messageErrors).toEqual([]);
  return screen.getByRole('alert');
}

describe('a refusal at the top of a form', () => {
  it('explains a known rule in French, the ledger’s English detail folded beneath it', () => {
    const detail = 'Commitment youth--tutoring is not accepted';
    const alert = alertFor({ status: 422, rule: 'commitment-not-accepted', detail });
    const [item] = alert.querySelectorAll('li');
    expect(item?.textContent).toMatch(/^Cet engagement n’a pas encore été accepté/);
    const details = alert.querySelector('details');
    expect(details?.open).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe('Détail technique (en anglais)');
    const ledgerWords = details?.querySelector('[lang="en"]');
    expect(ledgerWords?.textContent).toBe(detail);
  });

  it('explains a stale form (409) in French too', () => {
    const alert = alertFor({
      status: 409,
      type: 'urn:cohesion-ledger:problem:concurrency-conflict',
      detail: 'Expected revision 3 of commitment-youth--tutoring, found 4',
    });
    expect(alert.textContent).toContain('Rechargez la page');
  });

  it('shows the ledger’s detail as it is when the rule is unknown to the app', () => {
    const detail = 'A rule this version of the app does not know';
    const alert = alertFor({ status: 422, rule: 'rule-from-a-newer-ledger', detail });
    expect([...alert.querySelectorAll('li')].map((item) => item.textContent)).toEqual([detail]);
    expect(alert.querySelector('details')).toBeNull();
  });
});
