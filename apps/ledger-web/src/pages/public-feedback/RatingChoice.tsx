import { useId } from 'react';
import { useT } from '../../i18n/use-t';
import { FieldErrors } from '../../kit/FieldErrors';

const RATINGS = [1, 2, 3, 4, 5] as const;

/** An optional rating from 1 to 5, as radio buttons in a fieldset (arrow keys move between them). */
export function RatingChoice({ errors }: { readonly errors: readonly string[] }) {
  const t = useT();
  const id = useId();
  return (
    <fieldset
      className={errors.length ? 'rating field-invalid' : 'rating'}
      aria-describedby={errors.length ? `${id}-error` : undefined}
    >
      <legend>{t('publicFeedback.rating')}</legend>
      <FieldErrors id={`${id}-error`} errors={errors} />
      <div className="rating-choices">
        <span>
          <input id={`${id}-none`} type="radio" name="rating" value="" defaultChecked />
          <label htmlFor={`${id}-none`}>{t('publicFeedback.noRating')}</label>
        </span>
        {RATINGS.map((rating) => (
          <span key={rating}>
            <input id={`${id}-${rating}`} type="radio" name="rating" value={rating} />
            <label htmlFor={`${id}-${rating}`}>{t('publicFeedback.ratingValue', { rating })}</label>
          </span>
        ))}
      </div>
    </fieldset>
  );
}
