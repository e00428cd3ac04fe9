import { useState, type ChangeEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CaseImportResult, Framework, FrameworkSummary } from '../../api/types';
import { FrameworkGraph, GraphLegend } from '../../components/FrameworkGraph';
import { formatTime, ProblemView, QueryView } from '../../components/States';

/** The tenant's frameworks: each competency with its parent, prerequisites and CASE identity; CASE import. */
export function FrameworksPage() {
  const frameworks = useQuery({ queryKey: ['frameworks'], queryFn: () => api<FrameworkSummary[]>('/v1/frameworks') });
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <>
      <h1>Frameworks</h1>
      <QueryView query={frameworks} what="frameworks">
        {(list) => list.length === 0 ? <p className="empty">No framework yet: import one from CASE below.</p> : (
          <>
            <table className="list">
              <thead><tr><th scope="col">Framework</th><th scope="col">Competencies</th><th scope="col">Updated</th><th scope="col"><span className="visually-hidden">Open</span></th></tr></thead>
              <tbody>
                {list.map((f) => (
                  <tr key={f.id} aria-current={(chosen ?? list[0].id) === f.id ? 'true' : undefined}>
                    <th scope="row">{f.name} <code>{f.id}</code></th>
                    <td>{f.competencies}</td>
                    <td>{formatTime(f.updatedAt)}</td>
                    <td><button type="button" className="secondary" onClick={() => setChosen(f.id)}>Browse</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
            <FrameworkBrowser id={chosen ?? list[0].id} />
          </>
        )}
      </QueryView>
      <CaseImport />
    </>
  );
}

function FrameworkBrowser({ id }: { id: string }) {
  const framework = useQuery({ queryKey: ['framework', id], queryFn: () => api<Framework>(`/v1/frameworks/${encodeURIComponent(id)}`) });
  return (
    <QueryView query={framework} what="the framework">
      {(f) => {
        const depth = (cid: string | null, n = 0): number => {
          const c = f.competencies.find((x) => x.id === cid);
          return c?.parentId ? depth(c.parentId, n + 1) : n;
        };
        return (
          <section className="panel" aria-labelledby="framework-title">
            <h2 id="framework-title">{f.name}</h2>
            <GraphLegend withLevels={false} />
            <FrameworkGraph competencies={f.competencies} label={`${f.name}: hierarchy and prerequisites`} />
            <table className="list">
              <caption className="visually-hidden">Competencies of {f.name}</caption>
              <thead><tr><th scope="col">Competency</th><th scope="col">Prerequisites</th><th scope="col">Grade</th><th scope="col">CASE identifier</th></tr></thead>
              <tbody>
                {f.competencies.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" style={{ paddingLeft: `${0.5 + depth(c.id) * 1.25}rem` }}>{c.name} <code>{c.id}</code></th>
                    <td>{c.prerequisiteIds.length ? c.prerequisiteIds.join(', ') : '—'}</td>
                    <td>{c.gradeLevel ?? '—'}</td>
                    <td><code>{c.externalId ?? '—'}</code></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      }}
    </QueryView>
  );
}

function CaseImport() {
  const client = useQueryClient();
  const [name, setName] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async (file: File) => {
      let body: unknown;
      try {
        body = JSON.parse(await file.text());
      } catch (e) {
        throw new Error(`${file.name} is not JSON (${String(e)}); a CASE package is a CFPackage JSON document`);
      }
      return api<CaseImportResult>('/v1/frameworks/case', { method: 'POST', body });
    },
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['frameworks'] });
      client.invalidateQueries({ queryKey: ['framework'] });
    },
  });
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) {
      setName(file.name);
      upload.mutate(file);
    }
    event.target.value = '';
  };
  const report = upload.data;
  return (
    <section className="panel" aria-labelledby="case-title">
      <h2 id="case-title">Import from CASE</h2>
      <p className="help">A CASE 1.0 CFPackage (CFDocument, CFItems, CFAssociations) creates or updates the framework;
        competencies keep their ids, so learners keep their evidence.</p>
      <label className="file">CASE package (JSON)
        <input type="file" accept="application/json,.json" onChange={choose} />
      </label>
      {upload.isPending && <p role="status">Importing {name}…</p>}
      {upload.isError && <ProblemView error={upload.error} />}
      {report && (
        <div className="report" role="status">
          <p><strong>{report.status}</strong>: {report.title} → framework <code>{report.frameworkId}</code></p>
          <dl className="facts">
            <dt>Items</dt><dd>{report.items}</dd>
            <dt>Hierarchy links</dt><dd>{report.hierarchyLinks}</dd>
            <dt>Prerequisite links</dt><dd>{report.prerequisiteLinks}</dd>
            <dt>Other associations</dt><dd>{Object.entries(report.otherAssociations).map(([k, n]) => `${k} ${n}`).join(', ') || '—'}</dd>
            <dt>Added</dt><dd>{report.added.join(', ') || '—'}</dd>
            <dt>Changed</dt><dd>{report.changed.join(', ') || '—'}</dd>
            <dt>Removed</dt><dd>{report.removed.map((r) => `${r.competencyId} (${r.learnersWithEvidence} learners with evidence)`).join(', ') || '—'}</dd>
          </dl>
        </div>
      )}
    </section>
  );
}
