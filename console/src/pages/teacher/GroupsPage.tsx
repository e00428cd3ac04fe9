import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, query } from '../../api/client';
import { useSchools } from '../../api/hooks';
import type { Groups } from '../../api/types';
import { Pager, QueryView } from '../../components/States';
import { words } from './FlagQueuePage';

const PAGE = 24;

/** Learners who share a gap (ready for, or struggling on, the same competency), with the suggested mini-lesson. */
export function GroupsPage() {
  const [params, setParams] = useSearchParams();
  const school = params.get('school') ?? '';
  const need = params.get('need') ?? '';
  const [offset, setOffset] = useState(0);
  const schools = useSchools();
  const groups = useQuery({
    queryKey: ['groups', school],
    queryFn: () => api<Groups>(`/v1/groups${query({ school })}`),
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set(key, value);
    } else {
      next.delete(key);
    }
    setParams(next, { replace: true });
    setOffset(0);
  };
  return (
    <>
      <h1>Small groups</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Group filters">
        <label>School
          <select value={school} onChange={(e) => set('school', e.target.value)}>
            <option value="">All schools</option>
            {schools.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>Need
          <select value={need} onChange={(e) => set('need', e.target.value)}>
            <option value="">Every need</option>
            <option value="STRUGGLING">Struggling</option>
            <option value="READY">Ready to start</option>
          </select>
        </label>
      </form>
      <QueryView query={groups} what="small groups">
        {(data) => {
          const shown = data.groups.filter((g) => !need || g.need === need);
          if (shown.length === 0) {
            return <p className="empty">No learners share a gap here.</p>;
          }
          return (
            <>
              <p className="muted">{shown.length} group{shown.length === 1 ? '' : 's'}</p>
              <ul className="board">
                {shown.slice(offset, offset + PAGE).map((g, i) => (
                  <li key={`${g.competencyId}-${g.need}-${g.gradeBand}-${i + offset}`} className="card group-card">
                    <h2 className="group-title">{g.competencyName}</h2>
                    <p><span className={`flag ${g.need.toLowerCase()}`}>{words(g.need)}</span> · grade band {g.gradeBand}
                      {g.belowMinimumSize && <span className="muted"> · below the policy's minimum group size</span>}</p>
                    <p className="group-members">
                      {g.learnerIds.map((id) => <Link key={id} to={`/learners/${encodeURIComponent(id)}`}>{id}</Link>)}
                    </p>
                    {g.suggestedActivity ? (
                      <p className="suggestion">Suggested: <strong>{g.suggestedActivity.title}</strong> <span className="muted">({words(g.suggestedActivity.kind)}, {words(g.suggestedActivity.modality)})</span></p>
                    ) : <p className="muted">No mini-lesson or small-group activity is aligned to this competency.</p>}
                    <p className="muted">{g.why}</p>
                  </li>
                ))}
              </ul>
              {shown.length > PAGE && <Pager offset={offset} limit={PAGE} total={shown.length} label="Groups" onChange={setOffset} />}
            </>
          );
        }}
      </QueryView>
    </>
  );
}
