import { Link } from 'react-router';
import { useT } from '../i18n/use-t';
import { Page } from '../shell/Page';

export function NotFoundPage() {
  const t = useT();
  return (
    <Page title={t('notFound.title')} lead={t('notFound.lead')}>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
