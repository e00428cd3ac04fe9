import { useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, NavLink, Outlet, RouterProvider, useLocation } from 'react-router';
import { ApiError } from './api/client';
import type { Role } from './api/types';
import { Loading, ProblemView } from './components/States';
import { can, SessionProvider, useSession } from './session';
import { SignInPage } from './pages/SignInPage';
import { MasteryChartPage } from './pages/teacher/MasteryChartPage';
import { FlagQueuePage } from './pages/teacher/FlagQueuePage';
import { GroupsPage } from './pages/teacher/GroupsPage';
import { LearnerPage } from './pages/teacher/LearnerPage';
import { FrameworksPage } from './pages/curriculum/FrameworksPage';
import { PolicyWorkspacePage } from './pages/curriculum/PolicyWorkspacePage';
import { SchoolsPage } from './pages/admin/SchoolsPage';
import { KeysPage } from './pages/admin/KeysPage';
import { SchoolPolicyPage } from './pages/admin/SchoolPolicyPage';
import { HealthPage } from './pages/admin/HealthPage';

interface NavItem {
  to: string;
  label: string;
  roles: Role[];
}

const NAV: { section: string; items: NavItem[] }[] = [
  {
    section: 'Teaching',
    items: [
      { to: '/chart', label: 'Mastery chart', roles: ['teacher', 'platform', 'curriculum'] },
      { to: '/flags', label: 'Flags', roles: ['teacher'] },
      { to: '/groups', label: 'Small groups', roles: ['teacher'] },
    ],
  },
  {
    section: 'Curriculum',
    items: [
      { to: '/frameworks', label: 'Frameworks', roles: ['curriculum'] },
      { to: '/policy', label: 'Policy workspace', roles: ['curriculum'] },
    ],
  },
  {
    section: 'District',
    items: [
      { to: '/admin/schools', label: 'Schools', roles: [] },
      { to: '/admin/keys', label: 'API keys', roles: [] },
      { to: '/admin/policy', label: 'Policy by school', roles: [] },
      { to: '/admin/health', label: 'Health', roles: [] },
    ],
  },
];

function home(roles: Role[]): string {
  if (roles.includes('curriculum')) {
    return '/policy';
  }
  return '/chart';
}

function Shell() {
  const { session, checking, signOut } = useSession();
  const location = useLocation();
  const [problem, setProblem] = useState<unknown>(null);
  const [signingOut, setSigningOut] = useState(false);
  if (checking) {
    return <main className="centered"><Loading what="your session" /></main>;
  }
  if (!session && signingOut) {
    return <Navigate to="/sign-in" replace />;
  }
  if (!session) {
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  const sections = NAV.map((s) => ({ ...s, items: s.items.filter((i) => can(session, ...i.roles)) }))
    .filter((s) => s.items.length > 0);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <span className="brand">Pathwise</span>
        <span className="tenant">{session.tenantName}</span>
        <span className="who">
          {session.displayName} <span className="role">{session.roles.join(', ')}</span>
        </span>
        <button type="button" className="secondary" onClick={() => {
          setSigningOut(true);
          signOut().catch((e) => {
            setSigningOut(false);
            setProblem(e);
          });
        }}>Sign out</button>
      </header>
      <div className="frame">
        <nav className="sidenav" aria-label="Console">
          {sections.map((section) => (
            <div key={section.section} className="nav-section">
              <p className="nav-title">{section.section}</p>
              <ul>
                {section.items.map((item) => (
                  <li key={item.to}><NavLink to={item.to}>{item.label}</NavLink></li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <main id="main" tabIndex={-1}>
          {problem ? <ProblemView error={problem} /> : null}
          <Outlet />
        </main>
      </div>
    </div>
  );
}

function Home() {
  const { session } = useSession();
  return <Navigate to={home(session?.roles ?? [])} replace />;
}

/** A view the caller's role may not use: said plainly, as the API would refuse it. */
function Allowed({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { session } = useSession();
  if (!can(session, ...roles)) {
    return <ProblemView error={new ApiError(403, 'Role not allowed', `This view is for ${roles.length ? roles.join(', ') + ' and ' : ''}admin; you are signed in as ${session?.roles.join(', ')}.`)} />;
  }
  return <>{children}</>;
}

function NotFound() {
  return <ProblemView error={new ApiError(404, 'Not found', 'There is no such page in the console; use the menu.')} />;
}

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Home /> },
      { path: 'chart', element: <Allowed roles={['teacher', 'platform', 'curriculum']}><MasteryChartPage /></Allowed> },
      { path: 'flags', element: <Allowed roles={['teacher']}><FlagQueuePage /></Allowed> },
      { path: 'groups', element: <Allowed roles={['teacher']}><GroupsPage /></Allowed> },
      { path: 'learners/:learnerId', element: <Allowed roles={['teacher', 'platform']}><LearnerPage /></Allowed> },
      { path: 'frameworks', element: <Allowed roles={['curriculum']}><FrameworksPage /></Allowed> },
      { path: 'policy', element: <Allowed roles={['curriculum']}><PolicyWorkspacePage /></Allowed> },
      { path: 'admin/schools', element: <Allowed roles={[]}><SchoolsPage /></Allowed> },
      { path: 'admin/keys', element: <Allowed roles={[]}><KeysPage /></Allowed> },
      { path: 'admin/policy', element: <Allowed roles={[]}><SchoolPolicyPage /></Allowed> },
      { path: 'admin/health', element: <Allowed roles={[]}><HealthPage /></Allowed> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queries}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </QueryClientProvider>
  );
}
