import type { Permission } from '@yiting/domain';
import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAuth } from './modules/auth/RequireAuth.tsx';
import { RequirePermission } from './modules/auth/RequirePermission.tsx';
import { AppLayout } from './modules/layout/AppLayout.tsx';
import { ActivitiesPage } from './pages/ActivitiesPage.tsx';
import { ActivityDetailPage } from './pages/ActivityDetailPage.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { BodiesPage } from './pages/BodiesPage.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { ErrorPage } from './pages/ErrorPage.tsx';
import { HomeRedirect } from './pages/HomeRedirect.tsx';
import { KeyProposalsPage } from './pages/KeyProposalsPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { MatterDetailPage } from './pages/MatterDetailPage.tsx';
import { MattersPage } from './pages/MattersPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { PeoplePage } from './pages/PeoplePage.tsx';
import { PersonDetailPage } from './pages/PersonDetailPage.tsx';
import { ProposalDetailPage } from './pages/ProposalDetailPage.tsx';
import { ProposalSubmitPage } from './pages/ProposalSubmitPage.tsx';
import { ProposalsPage } from './pages/ProposalsPage.tsx';
import { ReportDetailPage } from './pages/ReportDetailPage.tsx';
import { ReportSubmitPage } from './pages/ReportSubmitPage.tsx';
import { ReportsPage } from './pages/ReportsPage.tsx';
import { StatisticsPage } from './pages/StatisticsPage.tsx';
import { UnitsPage } from './pages/UnitsPage.tsx';

const guard = (permission: Permission, page: ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <ErrorPage /> },
  {
    element: <RequireAuth />,
    errorElement: <ErrorPage />,
    children: [
      {
        element: <AppLayout />,
        children: [
          {
            // Errors inside a page render within the layout, so the menu stays usable.
            errorElement: <ErrorPage />,
            children: [
              { index: true, element: <HomeRedirect /> },
              { path: 'dashboard', element: guard('dashboard.read', <DashboardPage />) },
              { path: 'matters', element: guard('matter.read', <MattersPage />) },
              { path: 'matters/:id', element: guard('matter.read', <MatterDetailPage />) },
              { path: 'proposals', element: guard('proposal.read', <ProposalsPage />) },
              { path: 'proposals/new', element: guard('proposal.submit', <ProposalSubmitPage />) },
              { path: 'key-proposals', element: guard('proposal.read', <KeyProposalsPage />) },
              { path: 'proposals/:id', element: guard('proposal.read', <ProposalDetailPage />) },
              { path: 'opinion-reports', element: guard('opinion.read', <ReportsPage />) },
              { path: 'opinion-reports/new', element: guard('opinion.submit', <ReportSubmitPage />) },
              { path: 'opinion-reports/:id', element: guard('opinion.read', <ReportDetailPage />) },
              { path: 'statistics', element: guard('statistics.read', <StatisticsPage />) },
              { path: 'activities', element: guard('activity.read', <ActivitiesPage />) },
              { path: 'activities/:id', element: guard('activity.read', <ActivityDetailPage />) },
              { path: 'people', element: guard('person.read', <PeoplePage />) },
              { path: 'people/:id', element: guard('person.read', <PersonDetailPage />) },
              { path: 'units', element: guard('unit.read', <UnitsPage />) },
              { path: 'bodies', element: guard('body.read', <BodiesPage />) },
              { path: 'audit', element: guard('audit.read', <AuditPage />) },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
