import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, query } from '../../api/client';
import { useSchools } from '../../api/hooks';
import { GRADE_BANDS, type FlagQueue } from '../../api/types';
import { formatTime, Pager, QueryView } from '../../components/States';

const PAGE = 50;
const KINDS: Record<string, string> = { BEHIND_PACE: 'Behind pace', STRUGGLING: 'Struggling', STALLED: 'Stalled' };

export function words(value: string | null | undefined): string {
  return value ? value.toLowerCase().replace(/_/g, ' ') : '—';
}

/** The learners the pacing rules flag now, most urgent first, with the support the policy suggests. */
export function FlagQueuePage() {
  const [params, setParams] = useSearchParams();
  const school = params.get('school') ?? '';
  const gradeBand = params.get('gradeBand') ?? '';
  const kind = params.get('kind') ?? '';
  const offset = Number(params.get('offset') ?? '0') || 0;
  const schools = useSchools();
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    Object.entries(changes).forEach(([k, v]) => (v ? next.set(k, v) : next.delete(k)));
    if (!('offset' in changes)) {
      next.delete('offset');
    }
    setParams(next, { replace: true });
  };
  const flags = useQuery({
    queryKey: ['flags', school, gradeBand, kind, offset],
    queryFn: () => api<FlagQueue>(`/v1/flags${query({ school, gradeBand, kind, offset, limit: PAGE })}`),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <h1>Flags</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Flag filters">
        <label>School
          <select value={school} onChange={(e) => set({ school: e.target.value })}>
            <option value="">All schools</option>
            {schools.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>Grade band
          <select value={gradeBand} onChange={(e) => set({ gradeBand: e.target.value })}>
            <option value="">All grade bands</option>
            {GRADE_BANDS.map((b) => <option key={b} value={b}>{b}</option>)}
          </select>
        </label>
        <label>Kind
          <select value={kind} onChange={(e) => set({ kind: e.target.value })}>
            <option value="">Every kind</option>
            {Object.entries(KINDS).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </select>
        </label>
      </form>
      <QueryView query={flags} what="the flag queue">
        {(queue) => (
          <>
            <p className="muted">
              {queue.total} flag{queue.total === 1 ? '' : 's'} among {queue.learners} learners
              ({Object.entries(queue.byKind).map(([k, n]) => `${n} ${words(k)}`).join(', ')}) · policy {queue.policyVersion} · {formatTime(queue.evaluatedAt)}
            </p>
            {queue.total === 0 ? <p className="empty">No learner is flagged.</p> : (
              <>
                <table className="list">
                  <thead>
                    <tr>
                      <th scope="col">Learner</th><th scope="col">Flag</th><th scope="col">Competency</th>
                      <th scope="col">Suggested support</th><th scope="col">Why</th>
                    </tr>
                  </thead>
                  <tbody>
                    {queue.flags.map((f) => (
                      <tr key={`${f.learnerId}-${f.kind}-${f.competencyId ?? f.goalId ?? ''}`}>
                        <th scope="row">
                          <Link to={`/learners/${encodeURIComponent(f.learnerId)}`}>{f.learnerId}</Link>
                          <span className="school">{f.schoolId} · grade {f.grade === 0 ? 'K' : f.grade}</span>
                        </th>
                        <td><span className={`flag ${f.kind.toLowerCase()}`}>{KINDS[f.kind] ?? words(f.kind)}</span></td>
                        <td>{f.competencyName ?? (f.goalId ? `goal ${f.goalId}` : '—')}</td>
                        <td>{words(f.support)}</td>
                        <td>{f.why ? <>{f.why.text} <span className="muted">(rule “{f.why.rule}”)</span></> : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <Pager offset={offset} limit={PAGE} total={queue.total} label="Flags" onChange={(n) => set({ offset: String(n) })} />
              </>
            )}
          </>
        )}
      </QueryView>
    </>
  );
}
