import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Loaded } from '../api/use-load';
import type { Problem } from '../api/problem';
import { useT } from '../i18n/use-t';

/** A page's data once loaded; meanwhile a status line, and on failure what went wrong. */
export function LoadedView<T>({
  loaded,
  children,
}: {
  readonly loaded: Loaded<T>;
  readonly children: (data: T) => ReactNode;
}) {
  const t = useT();
  switch (loaded.status) {
    case 'loading':
      return (
        <p role="status" className="loading">
          {t('state.loading')}
        </p>
      );
    case 'failed':
      return <LoadFailure problem={loaded.problem} />;
    case 'loaded':
      return <>{children(loaded.data)}</>;
  }
}

function LoadFailure({ problem }: { readonly problem: Problem }) {
  const t = useT();
  if (problem.status === 401) {
    return (
      <p role="alert" className="problem">
        {t('state.signedOut')} <Link to="/sign-in">{t('signIn.title')}</Link>
      </p>
    );
  }
  const message =
    problem.status === 404
      ? t('state.notFound')
      : problem.status === 403
        ? t('state.forbidden')
        : problem.status === 0
          ? t('state.offline')
          : t('state.failed', { status: problem.status, detail: problem.detail ?? '' });
  return (
    <p role="alert" className="problem">
      {message}
    </p>
  );
}
