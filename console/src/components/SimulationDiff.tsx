import { useMemo, useState } from 'react';
import type { LearnerDiff, Simulation } from '../api/types';
import { Pager } from './States';

const PAGE = 20;

/** What was in one list and not the other: removed first, then added. */
export function listDiff(before: string[], after: string[]): { removed: string[]; added: string[]; kept: string[] } {
  const was = new Set(before);
  const now = new Set(after);
  return {
    removed: before.filter((x) => !now.has(x)),
    added: after.filter((x) => !was.has(x)),
    kept: after.filter((x) => was.has(x)),
  };
}

function CountTable({ title, counts, keyLabel }: {
  title: string;
  counts: Record<string, { changed: number; total: number }>;
  keyLabel: string;
}) {
  return (
    <table className="counts">
      <caption>{title}</caption>
      <thead>
        <tr><th scope="col">{keyLabel}</th><th scope="col">Learners who change</th><th scope="col">Share</th></tr>
      </thead>
      <tbody>
        {Object.entries(counts).map(([key, count]) => {
          const percent = count.total === 0 ? 0 : Math.round((100 * count.changed) / count.total);
          return (
            <tr key={key} className={count.changed > 0 ? 'changed' : undefined}>
              <th scope="row">{key}</th>
              <td>{count.changed} of {count.total}</td>
              <td>
                <span className="bar" aria-hidden="true"><span style={{ width: `${percent}%` }} /></span> {percent}%
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ListChange({ label, before, after }: { label: string; before: string[]; after: string[] }) {
  const diff = listDiff(before, after);
  if (diff.removed.length === 0 && diff.added.length === 0) {
    return null;
  }
  return (
    <div className="list-change">
      <span className="list-label">{label}:</span>
      {diff.removed.map((x) => <del key={`-${x}`} className="removed">{x}</del>)}
      {diff.added.map((x) => <ins key={`+${x}`} className="added">{x}</ins>)}
      {diff.kept.length > 0 && <span className="kept">(unchanged: {diff.kept.join(', ')})</span>}
    </div>
  );
}

function LearnerChange({ diff }: { diff: LearnerDiff }) {
  return (
    <li className="learner-diff">
      <p className="who"><strong>{diff.learnerId}</strong> <span>school {diff.school}, grade band {diff.gradeBand}</span></p>
      {diff.levels.length > 0 && (
        <ul className="level-diffs">
          {diff.levels.map((level) => (
            <li key={level.competencyId}>
              <code>{level.competencyId}</code>: <del className="removed">{level.before}</del> → <ins className="added">{level.after}</ins>
              <details>
                <summary>Why</summary>
                <dl>
                  <dt>Now</dt><dd>{level.whyBefore || '—'}</dd>
                  <dt>Candidate</dt><dd>{level.whyAfter || '—'}</dd>
                </dl>
              </details>
            </li>
          ))}
        </ul>
      )}
      <ListChange label="Flags" before={diff.flagsBefore} after={diff.flagsAfter} />
      <ListChange label="Next steps" before={diff.stepsBefore} after={diff.stepsAfter} />
    </li>
  );
}

/**
 * "What would change": a candidate policy replayed over the district's stored evidence against the active one, as
 * counts by school and by grade band, then the changed learners (levels, flags, next steps) grouped by school and
 * grade band, a page at a time.
 */
export function SimulationDiff({ simulation }: { simulation: Simulation }) {
  const [offset, setOffset] = useState(0);
  const groups = useMemo(() => {
    const sorted = [...simulation.sample].sort((a, b) =>
      a.school.localeCompare(b.school) || a.gradeBand.localeCompare(b.gradeBand) || a.learnerId.localeCompare(b.learnerId));
    return sorted;
  }, [simulation.sample]);
  const page = groups.slice(offset, offset + PAGE);
  let lastGroup = '';
  return (
    <section className="simulation" aria-label="What would change">
      <p className="simulation-summary">
        <strong>{simulation.changedLearners}</strong> of {simulation.learners} learners change
        ({simulation.evidence} pieces of evidence replayed{simulation.skippedEvidence > 0 ? `, ${simulation.skippedEvidence} skipped` : ''}):
        {' '}<code>{simulation.currentVersion}</code> → <code>{simulation.candidateVersion}</code>
      </p>
      <div className="count-tables">
        <CountTable title="By school" counts={simulation.bySchool} keyLabel="School" />
        <CountTable title="By grade band" counts={simulation.byGradeBand} keyLabel="Grade band" />
      </div>
      {simulation.changedLearners === 0 ? (
        <p className="empty">No learner's level, flags or next steps would change.</p>
      ) : (
        <>
          <h3>Learners who change{simulation.sample.length < simulation.changedLearners
            ? ` (the first ${simulation.sample.length} of ${simulation.changedLearners})` : ''}</h3>
          <ul className="learner-diffs">
            {page.map((diff) => {
              const group = `${diff.school} · ${diff.gradeBand}`;
              const heading = group !== lastGroup ? <li key={`h-${group}`} className="group-head" aria-hidden="false"><h4>School {diff.school}, grade band {diff.gradeBand}</h4></li> : null;
              lastGroup = group;
              return [heading, <LearnerChange key={diff.learnerId} diff={diff} />];
            })}
          </ul>
          {groups.length > PAGE && (
            <Pager offset={offset} limit={PAGE} total={groups.length} onChange={setOffset} label="Changed learners" />
          )}
        </>
      )}
    </section>
  );
}
