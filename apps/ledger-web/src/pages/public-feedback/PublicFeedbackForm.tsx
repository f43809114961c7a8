import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useLedgerClient } from '../../api/LedgerClientProvider';
import { type FieldProblems, isProblem, problemToFields } from '../../api/problem';
import type { PublicForm } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { Field } from '../../kit/Field';
import { formText } from '../../kit/form-text';
import { ProblemAlert } from '../../kit/ProblemAlert';
import { RatingChoice } from './RatingChoice';
import { TextAreaField } from '../../kit/TextAreaField';

const FIELDS = ['text', 'rating', 'contact', 'contact.name', 'contact.email'] as const;

type Outcome =
  | { readonly kind: 'filling' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'received' }
  | { readonly kind: 'refused'; readonly problems: FieldProblems }
  | { readonly kind: 'unanswered' };

/** Resolves once `seconds` have passed since `since` (a `performance.now()` reading). */
const waitUntil = (since: number, seconds: number) =>
  new Promise<void>((resolve) =>
    setTimeout(resolve, Math.max(0, since + seconds * 1000 - performance.now())),
  );

/**
 * The form itself. A person who sends it within the minimum fill time (unlikely, but a short
 * text is quick) is not refused: the sending simply waits until the form token is old enough.
 */
export function PublicFeedbackForm({ form }: { readonly form: PublicForm }) {
  const t = useT();
  const client = useLedgerClient();
  const trapId = useId();
  const loadedAt = useRef(performance.now());
  const thanks = useRef<HTMLDivElement>(null);
  const [consent, setConsent] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'filling' });

  useEffect(() => {
    if (outcome.kind === 'received') thanks.current?.focus();
  }, [outcome.kind]);

  if (outcome.kind === 'received') {
    return (
      <div ref={thanks} tabIndex={-1} role="status" className="thanks">
        <h2>{t('publicFeedback.thanksTitle')}</h2>
        <p>{t('publicFeedback.thanks', { name: form.name })}</p>
      </div>
    );
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (outcome.kind === 'sending') return;
    const data = new FormData(event.currentTarget);
    // Said in the person's language before anything is sent; the ledger checks it again.
    if (formText(data, 'text').trim() === '') {
      const problems = { fields: { text: [t('publicFeedback.textRequired')] }, general: [] };
      return setOutcome({ kind: 'refused', problems });
    }
    setOutcome({ kind: 'sending' });
    await waitUntil(loadedAt.current, form.minimumFillSeconds + 0.5);
    const rating = formText(data, 'rating');
    const contact = {
      name: formText(data, 'contactName').trim(),
      email: formText(data, 'contactEmail').trim(),
    };
    const answer = await client
      .POST('/partnerships/{partnershipId}/public-feedback', {
        params: { path: { partnershipId: form.partnershipId } },
        body: {
          formToken: form.formToken,
          text: formText(data, 'text'),
          ...(rating ? { rating: Number(rating) } : {}),
          ...(consent ? { consent } : {}),
          ...(consent && (contact.name || contact.email)
            ? {
                contact: {
                  ...(contact.name ? { name: contact.name } : {}),
                  ...(contact.email ? { email: contact.email } : {}),
                },
              }
            : {}),
          website: formText(data, 'website'),
        },
      })
      .catch(() => undefined);
    if (!answer) return setOutcome({ kind: 'unanswered' });
    if (answer.response.ok) return setOutcome({ kind: 'received' });
    const problem = isProblem(answer.error) ? answer.error : { status: answer.response.status };
    setOutcome({ kind: 'refused', problems: problemToFields(problem, FIELDS) });
  };

  const problems = outcome.kind === 'refused' ? outcome.problems : undefined;
  const errorsOf = (field: (typeof FIELDS)[number]) => problems?.fields[field] ?? [];
  return (
    <form className="form narrow" onSubmit={(event) => void submit(event)} noValidate>
      {problems ? <ProblemAlert problems={problems} /> : null}
      {outcome.kind === 'unanswered' ? (
        <p role="alert" className="problem">
          {t('publicFeedback.unanswered')}
        </p>
      ) : null}
      <TextAreaField
        name="text"
        label={t('publicFeedback.text')}
        hint={t('publicFeedback.textHint')}
        errors={errorsOf('text')}
        required
        maxLength={4000}
      />
      <RatingChoice errors={errorsOf('rating')} />
      <div className="field checkbox">
        <input
          id={`${trapId}-consent`}
          type="checkbox"
          name="consent"
          checked={consent}
          onChange={(event) => setConsent(event.currentTarget.checked)}
          aria-describedby={`${trapId}-consent-hint`}
        />
        <label htmlFor={`${trapId}-consent`}>{t('publicFeedback.consent')}</label>
        <p id={`${trapId}-consent-hint`} className="field-hint">
          {t('publicFeedback.consentHint')}
        </p>
      </div>
      {consent ? (
        <fieldset className="contact">
          <legend>{t('publicFeedback.contact')}</legend>
          <Field
            name="contactName"
            autoComplete="name"
            label={t('publicFeedback.contactName')}
            errors={[...errorsOf('contact'), ...errorsOf('contact.name')]}
          />
          <Field
            name="contactEmail"
            type="email"
            autoComplete="email"
            label={t('publicFeedback.contactEmail')}
            errors={errorsOf('contact.email')}
          />
        </fieldset>
      ) : null}
      {/* Only robots fill this: hidden from sight and from assistive technology, never tabbed to. */}
      <div className="trap" aria-hidden="true">
        <label htmlFor={`${trapId}-website`}>{t('publicFeedback.trap')}</label>
        <input id={`${trapId}-website`} name="website" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit" className="primary" disabled={outcome.kind === 'sending'}>
        {outcome.kind === 'sending' ? t('publicFeedback.sending') : t('publicFeedback.send')}
      </button>
    </form>
  );
}
