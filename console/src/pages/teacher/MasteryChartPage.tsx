import { useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, query } from '../../api/client';
import { useSchools } from '../../api/hooks';
import { GRADE_BANDS, LEVEL_LABEL, type CellExplanation, type MasteryReport } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { HeatMap, LevelLegend } from '../../components/HeatMap';
import { formatTime, Pager, QueryView } from '../../components/States';
import { can, useSession } from '../../session';

const PAGE = 50;

/**
 * The class or school mastery chart: learners × competencies, sortable by any column, filtered by school, grade
 * band, strand and learner; a click on a cell explains it. Paged by the API, so 10,000 learners load 50 at a time.
 */
export function MasteryChartPage() {
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const school = params.get('school') ?? '';
  const gradeBand = params.get('gradeBand') ?? '';
  const strand = params.get('strand') ?? '';
  const search = params.get('q') ?? '';
  const sort = params.get('sort') ?? 'learner';
  const order = params.get('order') ?? 'asc';
  const offset = Number(params.get('offset') ?? '0') || 0;
  const [cell, setCell] = useState<{ learnerId: string; competencyId: string } | null>(null);
  const schools = useSchools(can(session, 'teacher', 'curriculum'));
  const readsLearners = can(session, 'teacher', 'platform');

  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    Object.entries(changes).forEach(([k, v]) => (v ? next.set(k, v) : next.delete(k)));
    if (!('offset' in changes)) {
      next.delete('offset');
    }
    setParams(next, { replace: true });
  };

  const chart = useQuery({
    queryKey: ['chart', school, gradeBand, search, sort, order, offset],
    queryFn: () => api<MasteryReport>(`/v1/reports/mastery${query({ school, gradeBand, q: search, sort, order, offset, limit: PAGE })}`),
    placeholderData: keepPreviousData,
  });

  const strands = useMemo(() => chart.data?.standards.filter((s) => !s.parentId) ?? [], [chart.data]);
  const columns = useMemo(() => {
    const standards = chart.data?.standards ?? [];
    if (!strand) {
      return standards;
    }
    const inStrand = new Set([strand]);
    let grew = true;
    while (grew) {
      grew = false;
      standards.forEach((s) => {
        if (s.parentId && inStrand.has(s.parentId) && !inStrand.has(s.competencyId)) {
          inStrand.add(s.competencyId);
          grew = true;
        }
      });
    }
    return standards.filter((s) => inStrand.has(s.competencyId));
  }, [chart.data, strand]);

  return (
    <>
      <h1>Mastery chart</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Chart filters">
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
        <label>Strand
          <select value={strand} onChange={(e) => set({ strand: e.target.value })}>
            <option value="">All strands</option>
            {strands.map((s) => <option key={s.competencyId} value={s.competencyId}>{s.name}</option>)}
          </select>
        </label>
        <label>Learner
          <input type="search" defaultValue={search} placeholder="id contains…"
                 onKeyDown={(e) => { if (e.key === 'Enter') set({ q: (e.target as HTMLInputElement).value.trim() }); }}
                 onBlur={(e) => { if (e.target.value.trim() !== search) set({ q: e.target.value.trim() }); }} />
        </label>
      </form>
      <QueryView query={chart} what="the mastery chart">
        {(report) => (
          <>
            <p className="muted">
              {report.frameworkName} · {report.scope} · {report.total.toLocaleString('en')} learners · as of {formatTime(report.generatedAt)}
            </p>
            <LevelLegend />
            {report.total === 0 ? (
              <p className="empty">No learner matches these filters.</p>
            ) : (
              <>
                <HeatMap standards={columns} rows={report.learners} summary={report.summary} sort={sort}
                         descending={order === 'desc'}
                         onSort={(key) => set({ sort: key, order: sort === key && order === 'asc' ? 'desc' : 'asc' })}
                         onOpenCell={readsLearners ? (learnerId, competencyId) => setCell({ learnerId, competencyId }) : undefined}
                         learnerHref={readsLearners ? (id) => `/learners/${encodeURIComponent(id)}` : undefined} />
                <Pager offset={offset} limit={PAGE} total={report.total} label="Learners"
                       onChange={(next) => set({ offset: String(next) })} />
              </>
            )}
          </>
        )}
      </QueryView>
      <Dialog title={cell ? `${cell.learnerId} · ${cell.competencyId}` : 'Cell'} open={cell !== null} onClose={() => setCell(null)}>
        {cell && <CellExplanationView learnerId={cell.learnerId} competencyId={cell.competencyId} />}
      </Dialog>
    </>
  );
}

/** Why a cell shows what it shows: the rule and its values, or the teacher override that beats it. */
export function CellExplanationView({ learnerId, competencyId }: { learnerId: string; competencyId: string }) {
  const explanation = useQuery({
    queryKey: ['cell', learnerId, competencyId],
    queryFn: () => api<CellExplanation>(`/v1/learners/${encodeURIComponent(learnerId)}/mastery/${encodeURIComponent(competencyId)}`),
  });
  return (
    <QueryView query={explanation} what="the explanation">
      {(cell) => (
        <div className="cell-explanation">
          <p className="cell-level">
            <span className={`swatch lvl-${cell.levelValue}`} aria-hidden="true">{cell.levelValue}</span>
            {' '}<strong>{LEVEL_LABEL[cell.level]}</strong> on <em>{cell.name}</em>
          </p>
          <dl className="facts">
            <dt>Mastery score</dt><dd>{cell.score.toFixed(3)} ({cell.method})</dd>
            <dt>Evidence</dt><dd>{cell.evidenceCount} piece{cell.evidenceCount === 1 ? '' : 's'}, last {formatTime(cell.lastEvidenceAt)}</dd>
            <dt>Decided by</dt><dd>{cell.decidedBy === 'override' ? 'a teacher override' : cell.decidedBy === 'rules' ? 'the policy rules' : 'nothing yet (no evidence)'}</dd>
          </dl>
          {cell.override && (
            <section className="override-note" aria-label="Override in force">
              <h3>Teacher override in force</h3>
              <p>Set to <strong>{cell.override.level ? LEVEL_LABEL[cell.override.level] : cell.override.kind}</strong> by {cell.override.author} on {formatTime(cell.override.at)}.</p>
              <blockquote>{cell.override.reason}</blockquote>
            </section>
          )}
          {cell.decision && (
            <section aria-label="The rule that decided">
              <h3>{cell.override ? 'What the rules decided' : 'Why'}</h3>
              {cell.decision.why?.rule && <p className="rule">Rule “{cell.decision.why.rule}”</p>}
              <p className="because">{cell.decision.why?.text ?? cell.decision.explanation}</p>
              {cell.decision.shortfalls.length > 0 && (
                <>
                  <p>Still missing for the next level:</p>
                  <ul>{cell.decision.shortfalls.map((s) => <li key={s.rule + s.text}>{s.text} <span className="muted">(rule “{s.rule}”)</span></li>)}</ul>
                </>
              )}
              <p className="muted">
                Evidence <code>{cell.decision.evidenceId}</code> observed {formatTime(cell.decision.observedAt)} under policy {cell.decision.policyVersion}:
                {' '}{LEVEL_LABEL[cell.decision.from]} → {LEVEL_LABEL[cell.decision.to]} ({cell.decision.fromScore.toFixed(3)} → {cell.decision.toScore.toFixed(3)}).
              </p>
            </section>
          )}
          {cell.children.length > 0 && (
            <section aria-label="Children">
              <h3>Rolled up from</h3>
              <ul>{cell.children.map((c) => <li key={c.competencyId}>{c.name}: {LEVEL_LABEL[c.level]}</li>)}</ul>
            </section>
          )}
          {cell.observations.length > 0 && (
            <section aria-label="Scores">
              <h3>Scores, oldest first</h3>
              <ol className="scores">{cell.observations.map((o) => <li key={o.evidenceId}>{o.score.toFixed(2)} <span className="muted">{o.kind.toLowerCase().replace('_', '-')}, {formatTime(o.at)}</span></li>)}</ol>
            </section>
          )}
          <p><Link to={`/learners/${encodeURIComponent(learnerId)}`}>Open {learnerId}'s page</Link></p>
        </div>
      )}
    </QueryView>
  );
}

