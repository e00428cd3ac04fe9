import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, query } from '../../api/client';
import {
  LEVEL_LABEL, LEVELS, type Framework, type Learner, type Level, type Override, type PathUpdate, type Pathway,
  type Timeline,
} from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { FrameworkGraph, GraphLegend } from '../../components/FrameworkGraph';
import { formatTime, ProblemView, QueryView } from '../../components/States';
import { can, useSession } from '../../session';
import { CellExplanationView } from './MasteryChartPage';
import { words } from './FlagQueuePage';

/**
 * A learner: the framework as a graph coloured by their levels with the ready fringe marked, their next steps with
 * the reasons, their evidence timeline, and the overrides with their reasons (a teacher may add one).
 */
export function LearnerPage() {
  const { learnerId = '' } = useParams();
  const { session } = useSession();
  const base = `/v1/learners/${encodeURIComponent(learnerId)}`;
  const [selected, setSelected] = useState<string | null>(null);
  const learner = useQuery({ queryKey: ['learner', learnerId], queryFn: () => api<Learner>(base) });
  const pathway = useQuery({ queryKey: ['pathway', learnerId], queryFn: () => api<Pathway>(`${base}/pathway`) });
  const frameworkId = pathway.data?.frameworkId;
  const framework = useQuery({
    queryKey: ['framework', frameworkId],
    queryFn: () => api<Framework>(`/v1/frameworks/${encodeURIComponent(frameworkId!)}`),
    enabled: !!frameworkId,
  });
  const teacher = can(session, 'teacher');

  return (
    <>
      <QueryView query={learner} what="the learner">
        {(l) => (
          <header className="page-head">
            <h1>{l.learnerId}</h1>
            <p className="muted">
              Grade {l.profile.grade === 0 ? 'K' : l.profile.grade} (band {l.gradeBand}) · school {l.profile.schoolId} ·
              {' '}{l.evidenceCount} pieces of evidence · {l.overrideCount} override{l.overrideCount === 1 ? '' : 's'}
              {l.profile.preferredModalities.length > 0 && <> · prefers {l.profile.preferredModalities.map(words).join(', ')}</>}
            </p>
            {l.profile.goals.length > 0 && (
              <p>Goals: {l.profile.goals.map((g) => g.description).join('; ')}</p>
            )}
          </header>
        )}
      </QueryView>
      <section aria-labelledby="graph-title" className="panel">
        <h2 id="graph-title">Framework and levels</h2>
        <QueryView query={pathway} what="the pathway">
          {(p) => (
            <QueryView query={framework} what="the framework">
              {(f) => <LearnerGraph framework={f} pathway={p} selected={selected} onSelect={setSelected} />}
            </QueryView>
          )}
        </QueryView>
        {selected && (
          <div className="selected-competency" aria-live="polite">
            <h3>{selected}</h3>
            <CellExplanationView learnerId={learnerId} competencyId={selected} />
          </div>
        )}
      </section>
      <div className="two-columns">
        <NextSteps base={base} learnerId={learnerId} />
        {teacher && <Overrides base={base} learnerId={learnerId} framework={framework.data} />}
      </div>
      <EvidenceTimeline base={base} learnerId={learnerId} />
    </>
  );
}

function LearnerGraph({ framework, pathway, selected, onSelect }: {
  framework: Framework;
  pathway: Pathway;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const levels = useMemo(() => Object.fromEntries(pathway.competencies.map((c) => [c.competencyId, c.level])) as Record<string, Level>, [pathway]);
  const ready = useMemo(() => new Set(pathway.competencies.filter((c) => c.status === 'READY').map((c) => c.competencyId)), [pathway]);
  const counts = pathway.competencies.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.status]: (acc[c.status] ?? 0) + 1 }), {});
  return (
    <>
      <p className="muted">
        {framework.name}: {counts.MASTERED ?? 0} mastered, {counts.IN_PROGRESS ?? 0} in progress, {counts.READY ?? 0} ready,
        {' '}{counts.LOCKED ?? 0} locked. Select a competency to see why it stands where it does.
      </p>
      <GraphLegend withLevels />
      <FrameworkGraph competencies={framework.competencies} levels={levels} ready={ready} selected={selected}
                      onSelect={onSelect} label={`${framework.name} for ${pathway.learnerId}`} />
    </>
  );
}

function NextSteps({ base, learnerId }: { base: string; learnerId: string }) {
  const next = useQuery({ queryKey: ['next-steps', learnerId], queryFn: () => api<PathUpdate>(`${base}/next-steps`) });
  return (
    <section aria-labelledby="next-title" className="panel">
      <h2 id="next-title">Next steps</h2>
      <QueryView query={next} what="next steps">
        {(update) => (
          <>
            {update.flags.length > 0 && (
              <ul className="flags">
                {update.flags.map((f) => (
                  <li key={`${f.kind}-${f.competencyId ?? f.goalId}`}>
                    <span className={`flag ${f.kind.toLowerCase()}`}>{words(f.kind)}</span> {f.why?.text}
                    {f.support && <> Suggested: {words(f.support)}.</>}
                  </li>
                ))}
              </ul>
            )}
            {update.nextSteps.length === 0 ? <p className="empty">No next step: nothing is ready.</p> : (
              <ol className="next-steps">
                {update.nextSteps.map((s) => (
                  <li key={s.activityId}>
                    <strong>{s.activityId}</strong> <span className="muted">{words(s.kind)} · {words(s.modality)} · {words(s.grouping)}{s.required ? ' · required' : ''}</span>
                    <ul className="reasons">{s.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
                  </li>
                ))}
              </ol>
            )}
            {update.optionLimit && <p className="muted">{update.optionLimit.text} (rule “{update.optionLimit.rule}”)</p>}
            <p className="muted">Policy {update.policyVersion}, evaluated {formatTime(update.evaluatedAt)}.</p>
          </>
        )}
      </QueryView>
    </section>
  );
}

function Overrides({ base, learnerId, framework }: { base: string; learnerId: string; framework?: Framework }) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const overrides = useQuery({ queryKey: ['overrides', learnerId], queryFn: () => api<Override[]>(`${base}/overrides`) });
  return (
    <section aria-labelledby="overrides-title" className="panel">
      <h2 id="overrides-title">Overrides (audit trail)</h2>
      <button type="button" onClick={() => setOpen(true)} disabled={!framework}>Override a level…</button>
      <QueryView query={overrides} what="overrides">
        {(list) => list.length === 0 ? <p className="empty">No override yet: every level comes from the rules.</p> : (
          <ol className="audit" reversed>
            {[...list].reverse().map((o) => (
              <li key={o.id}>
                <p><strong>{o.competencyId ?? o.activityId}</strong>: {words(o.kind)}{o.level ? ` to ${LEVEL_LABEL[o.level]}` : ''}</p>
                <p className="reason">“{o.reason}”</p>
                <p className="muted">by {o.author}, {formatTime(o.at)}</p>
              </li>
            ))}
          </ol>
        )}
      </QueryView>
      <Dialog title="Override a level" open={open} onClose={() => setOpen(false)}>
        {framework && (
          <OverrideForm base={base} framework={framework} onDone={() => {
            setOpen(false);
            ['overrides', 'learner', 'pathway', 'next-steps', 'timeline', 'cell', 'chart'].forEach((key) =>
              client.invalidateQueries({ queryKey: [key] }));
          }} />
        )}
      </Dialog>
    </section>
  );
}

function OverrideForm({ base, framework, onDone }: { base: string; framework: Framework; onDone: () => void }) {
  const [competencyId, setCompetencyId] = useState(framework.competencies[0]?.id ?? '');
  const [level, setLevel] = useState<Level>('MASTERED');
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () => api(`${base}/overrides`, { method: 'POST', body: { kind: 'SET_LEVEL', competencyId, level, reason: reason.trim() } }),
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} className="stacked">
      <label>Competency
        <select value={competencyId} onChange={(e) => setCompetencyId(e.target.value)}>
          {framework.competencies.map((c) => <option key={c.id} value={c.id}>{c.id}: {c.name}</option>)}
        </select>
      </label>
      <label>Level
        <select value={level} onChange={(e) => setLevel(e.target.value as Level)}>
          {LEVELS.map((l) => <option key={l} value={l}>{LEVEL_LABEL[l]}</option>)}
        </select>
      </label>
      <label>Reason (required, kept in the audit trail)
        <textarea required minLength={3} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <p className="help">The override beats the rules; the rules' own verdict is kept in the explanation.</p>
      <button type="submit" disabled={save.isPending || reason.trim().length === 0}>{save.isPending ? 'Saving…' : 'Save override'}</button>
      {save.isError && <ProblemView error={save.error} />}
    </form>
  );
}

function EvidenceTimeline({ base, learnerId }: { base: string; learnerId: string }) {
  const [pages, setPages] = useState<(number | null)[]>([null]);
  const before = pages[pages.length - 1];
  const timeline = useQuery({
    queryKey: ['timeline', learnerId, before],
    queryFn: () => api<Timeline>(`${base}/evidence${query({ before, limit: 20 })}`),
  });
  return (
    <section aria-labelledby="timeline-title" className="panel">
      <h2 id="timeline-title">Evidence timeline</h2>
      <QueryView query={timeline} what="the evidence timeline">
        {(t) => t.total === 0 ? <p className="empty">No evidence yet.</p> : (
          <>
            <p className="muted">{t.total} pieces, newest first.</p>
            <ol className="timeline">
              {t.evidence.map((e) => (
                <li key={e.seq} className={e.status}>
                  <p>
                    <strong>{e.competencyId ?? e.activityId}</strong> · {e.raw} of {e.min}–{e.max}
                    {' '}<span className="muted">{words(e.kind)} from {e.source}, observed {formatTime(e.observedAt)}</span>
                    {e.status !== 'counted' && <span className="flag stalled"> {e.status}{e.voidedBy ? ` by ${e.voidedBy}` : ''}</span>}
                  </p>
                  {e.masteryChanges.filter((c) => c.from !== c.to).map((c) => (
                    <p key={c.competencyId} className="change">{c.competencyId}: {LEVEL_LABEL[c.from]} → {LEVEL_LABEL[c.to]}. {c.why?.text ?? c.explanation}</p>
                  ))}
                </li>
              ))}
            </ol>
            <nav className="pager" aria-label="Timeline pages">
              <button type="button" disabled={pages.length === 1} onClick={() => setPages(pages.slice(0, -1))}>Newer</button>
              <button type="button" disabled={t.nextBefore === null} onClick={() => setPages([...pages, t.nextBefore])}>Older</button>
            </nav>
          </>
        )}
      </QueryView>
    </section>
  );
}
