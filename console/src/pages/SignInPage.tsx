import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { ProblemView } from '../components/States';
import { useSession } from '../session';

/** Sign in with the API key of your tenant and role; the key goes to the service once and stays there. */
export function SignInPage() {
  const { session, signIn } = useSession();
  const [params] = useSearchParams();
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const next = params.get('next');
  if (session) {
    return <Navigate to={next && next.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    signIn(key.trim())
      .catch(setProblem)
      .finally(() => setBusy(false));
  };
  return (
    <main className="sign-in" id="main">
      <h1>Pathwise</h1>
      <p className="lead">The console for teachers, curriculum leads and district admins.</p>
      <form onSubmit={submit} className="card">
        <label htmlFor="api-key">API key</label>
        <input id="api-key" name="apiKey" type="password" autoComplete="off" required value={key}
               onChange={(e) => setKey(e.target.value)} aria-describedby="api-key-help" />
        <p id="api-key-help" className="help">
          The key of your tenant and role (your admin gives it to you). It is sent once to open a session and kept by
          the service, never by this page.
        </p>
        <button type="submit" disabled={busy || key.trim() === ''}>{busy ? 'Signing in…' : 'Sign in'}</button>
        {problem ? <ProblemView error={problem} /> : null}
      </form>
    </main>
  );
}
