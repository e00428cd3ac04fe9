import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, onSessionEnded, setCsrfToken } from './api/client';
import type { Role, Session } from './api/types';

interface SessionState {
  session: Session | null;
  checking: boolean;
  signIn: (apiKey: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** Who is signed in: asked of GET /v1/session on load, set by signing in, cleared by signing out or a 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [checking, setChecking] = useState(true);

  const adopt = useCallback((next: Session | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setSession(next);
  }, []);

  useEffect(() => {
    api<Session>('/v1/session')
      .then(adopt)
      .catch(() => adopt(null))
      .finally(() => setChecking(false));
    return onSessionEnded(() => adopt(null));
  }, [adopt]);

  const signIn = useCallback(async (apiKey: string) => {
    adopt(await api<Session>('/v1/session', { method: 'POST', body: { apiKey } }));
  }, [adopt]);

  const signOut = useCallback(async () => {
    try {
      await api<void>('/v1/session', { method: 'DELETE' });
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) {
        throw e;
      }
    } finally {
      adopt(null);
    }
  }, [adopt]);

  return <SessionContext.Provider value={{ session, checking, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) {
    throw new Error('useSession outside SessionProvider');
  }
  return state;
}

/** What the signed-in caller may do, by role (admin may do everything), as the API decides it. */
export function can(session: Session | null, ...roles: Role[]): boolean {
  if (!session) {
    return false;
  }
  return session.roles.includes('admin') || roles.some((role) => session.roles.includes(role));
}
