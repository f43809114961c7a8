import type { RouteObject } from 'react-router';
import { Layout } from '../shell/Layout';
import { RequireSession } from '../shell/RequireSession';
import { NotFoundPage } from '../pages/NotFoundPage';
import { SignInPage } from '../pages/SignInPage';
import { TodoPage } from '../pages/TodoPage';
import { CommitmentPage } from '../pages/commitments/CommitmentPage';
import { AgreementPage } from '../pages/agreements/AgreementPage';
import { ConflictPage } from '../pages/conflicts/ConflictPage';
import { AccountabilityPage } from '../pages/partnership/AccountabilityPage';
import { AgreementsPage } from '../pages/partnership/AgreementsPage';
import { ConflictsPage } from '../pages/partnership/ConflictsPage';
import { ContributionsPage } from '../pages/partnership/ContributionsPage';
import { ImpactPage } from '../pages/partnership/ImpactPage';
import { OverviewPage } from '../pages/partnership/OverviewPage';
import { PartnershipLayout } from '../pages/partnership/PartnershipLayout';
import { VerificationPage } from '../pages/verification/VerificationPage';
import { PublicFeedbackPage } from '../pages/public-feedback/PublicFeedbackPage';
import { PublicFeedbackQrPage } from '../pages/public-feedback/PublicFeedbackQrPage';
// Sign-in and people (issue 17)
import { AccountPage } from '../pages/account/AccountPage';
import { PeoplePage } from '../pages/people/PeoplePage';
import { LinkPasswordPage } from '../pages/sign-in/LinkPasswordPage';
// Administration (issue 17): partnerships, their partners and indicators, valuation policies.
import { NewPartnershipPage } from '../pages/admin/NewPartnershipPage';
import { ValuationPoliciesPage } from '../pages/admin/ValuationPoliciesPage';
import { IndicatorsPage } from '../pages/partnership/indicators/IndicatorsPage';
import { ManagePage } from '../pages/partnership/manage/ManagePage';
// Personal data (issue 18): erasure requests.
import { PersonalDataPage } from '../pages/personal-data/PersonalDataPage';

/** Page paths, under the app's base (/app): see web-app-paths.ts in the API's web-app folder. */
export const APP_BASENAME = '/app';

const signedIn = (element: React.ReactNode) => <RequireSession>{element}</RequireSession>;

export const ROUTES: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { path: 'sign-in', element: <SignInPage /> },
      { index: true, element: signedIn(<TodoPage />) },
      {
        path: 'partnerships/:partnershipId',
        element: signedIn(<PartnershipLayout />),
        children: [
          { index: true, element: <OverviewPage /> },
          { path: 'accountability', element: <AccountabilityPage /> },
          { path: 'commitments/:commitmentId', element: <CommitmentPage /> },
          { path: 'contributions', element: <ContributionsPage /> },
          { path: 'agreements', element: <AgreementsPage /> },
          { path: 'conflicts', element: <ConflictsPage /> },
          { path: 'impact', element: <ImpactPage /> },
          // The public feedback form's link and QR code, for administrators (issue 17).
          { path: 'public-feedback', element: <PublicFeedbackQrPage /> },
          { path: 'manage', element: <ManagePage /> },
          { path: 'indicators', element: <IndicatorsPage /> },
        ],
      },
      { path: 'agreements/:agreementId', element: signedIn(<AgreementPage />) },
      { path: 'conflicts/:conflictId', element: signedIn(<ConflictPage />) },
      { path: 'verification', element: signedIn(<VerificationPage />) },
      // A partnership's public feedback form: residents need no account (issue 17).
      { path: 'p/:partnershipId/feedback', element: <PublicFeedbackPage /> },
      // Sign-in and people (issue 17): the links given to people, the account, the directory.
      { path: 'invitation', element: <LinkPasswordPage purpose="invitation" /> },
      { path: 'password-reset', element: <LinkPasswordPage purpose="password-reset" /> },
      { path: 'account', element: signedIn(<AccountPage />) },
      { path: 'admin/people', element: signedIn(<PeoplePage />) },
      { path: 'admin/personal-data', element: signedIn(<PersonalDataPage />) },
      { path: 'admin/partnerships/new', element: signedIn(<NewPartnershipPage />) },
      { path: 'admin/valuation-policies', element: signedIn(<ValuationPoliciesPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
