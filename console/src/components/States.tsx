import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '../api/client';

/** A refusal shown as the API said it: its title and detail, and every problem it listed. */
export function ProblemView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const problem = error instanceof ApiError
    ? error
    : new ApiError(0, 'Something went wrong', error instanceof Error ? error.message : String(error));
  return (
    <div className="problem" role="alert">
      <p className="problem-title">{problem.title}</p>
      <p className="problem-detail">{problem.detail}</p>
      {problem.errors.length > 0 && (
        <ul className="problem-errors">
          {problem.errors.map((e) => <li key={e}>{e}</li>)}
        </ul>
      )}
      {onRetry && <button type="button" onClick={onRetry}>Try again</button>}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return <p className="loading" role="status">Loading {what}…</p>;
}

/** Loading, error or the data, for one query: never a blank page. */
export function QueryView<T>({ query, what, children }: {
  query: UseQueryResult<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    return <Loading what={what} />;
  }
  if (query.isError) {
    return <ProblemView error={query.error} onRetry={() => query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}

/** Previous and next over a list the API pages: "1–50 of 10,000". */
export function Pager({ offset, limit, total, onChange, label }: {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
  label: string;
}) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(total, offset + limit);
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <button type="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        Previous
      </button>
      <span aria-live="polite">{first.toLocaleString('en')}–{last.toLocaleString('en')} of {total.toLocaleString('en')}</span>
      <button type="button" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)}>
        Next
      </button>
    </nav>
  );
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso);
  return date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}
