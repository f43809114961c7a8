import { useParams } from 'react-router';
import { unwrap, useLoad } from '../../api/use-load';
import { useT } from '../../i18n/use-t';
import { LoadedView } from '../../kit/LoadedView';
import { Page } from '../../shell/Page';
import { PublicFeedbackForm } from './PublicFeedbackForm';
import './public-feedback.css';

/**
 * A partnership's public feedback form (`/app/p/<partnershipId>/feedback`), for residents without
 * an account: reached by a link or a printed QR code, no sign-in.
 */
export function PublicFeedbackPage() {
  const t = useT();
  const { partnershipId = '' } = useParams();
  const loaded = useLoad(
    (client) =>
      client
        .GET('/partnerships/{partnershipId}/public-feedback', {
          params: { path: { partnershipId } },
        })
        .then(unwrap),
    [partnershipId],
  );
  const name = loaded.status === 'loaded' ? loaded.data.name : undefined;
  return (
    <Page
      title={t('publicFeedback.title')}
      lead={name === undefined ? undefined : t('publicFeedback.lead', { name })}
    >
      <LoadedView loaded={loaded}>
        {(form) =>
          form.accepting ? (
            <PublicFeedbackForm form={form} />
          ) : (
            <p className="notice">{t('publicFeedback.notAccepting', { name: form.name })}</p>
          )
        }
      </LoadedView>
    </Page>
  );
}
