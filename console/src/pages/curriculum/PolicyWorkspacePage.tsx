import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { usePolicySummary } from '../../api/hooks';
import type { PolicyFile, PolicyHistory, PolicyReport, PolicyVersion, Simulation, VersionFiles } from '../../api/types';
import { CodeView } from '../../components/CodeView';
import { Dialog } from '../../components/Dialog';
import { SimulationDiff } from '../../components/SimulationDiff';
import { formatTime, Loading, ProblemView, QueryView } from '../../components/States';

/**
 * The policy workspace: the versions with author, time and message; the files of any version, read-only; a new
 * version built from the active one (upload files or a folder, or edit), checked with its scenarios, simulated over
 * the district's stored evidence, then published; and any earlier version made active again (roll back).
 */
export function PolicyWorkspacePage() {
  const summary = usePolicySummary();
  return (
    <>
      <h1>Policy workspace</h1>
      <QueryView query={summary} what="the policy">
        {(policy) => (
          <>
            <p className="muted">Policy <code>{policy.id}</code>, active version <strong>{policy.activeVersion}</strong> since {formatTime(policy.activatedAt)}.</p>
            <Workspace policyId={policy.id} activeVersion={policy.activeVersion} />
          </>
        )}
      </QueryView>
    </>
  );
}

function Workspace({ policyId, activeVersion }: { policyId: string; activeVersion: string }) {
  const base = `/v1/policies/${encodeURIComponent(policyId)}`;
  const [viewing, setViewing] = useState<string>(activeVersion);
  const history = useQuery({ queryKey: ['policy-history', policyId], queryFn: () => api<PolicyHistory>(`${base}/versions`) });
  return (
    <>
      <section className="panel" aria-labelledby="versions-title">
        <h2 id="versions-title">Versions</h2>
        <QueryView query={history} what="the versions">
          {(h) => <Versions base={base} history={h} viewing={viewing} onView={setViewing} />}
        </QueryView>
      </section>
      <section className="panel" aria-labelledby="files-title">
        <h2 id="files-title">Files of version {viewing}</h2>
        <VersionFilesView base={base} version={viewing} />
      </section>
      <Candidate base={base} activeVersion={activeVersion} />
    </>
  );
}

function Versions({ base, history, viewing, onView }: {
  base: string;
  history: PolicyHistory;
  viewing: string;
  onView: (version: string) => void;
}) {
  const client = useQueryClient();
  const [confirm, setConfirm] = useState<PolicyVersion | null>(null);
  const activate = useMutation({
    mutationFn: (version: string) => api<PolicyVersion>(`${base}/versions/${encodeURIComponent(version)}/activate`, { method: 'POST' }),
    onSuccess: () => {
      setConfirm(null);
      ['policies', 'policy', 'policy-history', 'chart', 'flags', 'groups', 'next-steps'].forEach((key) =>
        client.invalidateQueries({ queryKey: [key] }));
    },
  });
  const activeIndex = history.versions.findIndex((v) => v.active);
  return (
    <>
      <table className="list versions">
        <thead>
          <tr><th scope="col">Version</th><th scope="col">Author</th><th scope="col">Created</th><th scope="col">Message</th><th scope="col">Status</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
        </thead>
        <tbody>
          {[...history.versions].reverse().map((v) => {
            const index = history.versions.indexOf(v);
            return (
              <tr key={v.version} className={v.active ? 'active' : undefined}>
                <th scope="row"><code>{v.version}</code></th>
                <td>{v.author}</td>
                <td>{formatTime(v.createdAt)}</td>
                <td>{v.message ?? '—'}</td>
                <td>{v.active ? <strong>active</strong> : 'inactive'}</td>
                <td className="actions">
                  <button type="button" className="secondary" aria-pressed={viewing === v.version} onClick={() => onView(v.version)}>Files</button>
                  {!v.active && (
                    <button type="button" onClick={() => setConfirm(v)}>
                      {index < activeIndex ? 'Roll back to this' : 'Make active'}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {history.refused.length > 0 && (
        <details>
          <summary>{history.refused.length} refused attempt{history.refused.length === 1 ? '' : 's'}</summary>
          <ul>
            {history.refused.map((r) => (
              <li key={`${r.version}-${r.createdAt}`}><code>{r.version}</code> by {r.author}, {formatTime(r.createdAt)}: {r.report.summary}</li>
            ))}
          </ul>
        </details>
      )}
      <Dialog title="Change the active version" open={confirm !== null} onClose={() => { setConfirm(null); activate.reset(); }}>
        {confirm && (
          <>
            <p>Make <code>{confirm.version}</code> ({confirm.message ?? 'no message'}, by {confirm.author}) the active version?
              Evaluations use it from the next piece of evidence on; stored levels are not replayed.</p>
            <div className="button-row">
              <button type="button" onClick={() => activate.mutate(confirm.version)} disabled={activate.isPending}>
                {activate.isPending ? 'Activating…' : `Activate ${confirm.version}`}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirm(null)}>Cancel</button>
            </div>
            {activate.isError && <ProblemView error={activate.error} />}
          </>
        )}
      </Dialog>
    </>
  );
}

function VersionFilesView({ base, version }: { base: string; version: string }) {
  const files = useQuery({
    queryKey: ['policy-version', base, version],
    queryFn: () => api<VersionFiles>(`${base}/versions/${encodeURIComponent(version)}`),
  });
  return (
    <QueryView query={files} what={`the files of ${version}`}>
      {(v) => (
        <>
          <p className="muted">By {v.author}, {formatTime(v.createdAt)}{v.message ? `: ${v.message}` : ''} · content hash <code>{v.contentHash.slice(0, 12)}</code>
            {v.report ? ` · ${v.report.summary}` : ''}</p>
          <FileBrowser files={v.files} />
        </>
      )}
    </QueryView>
  );
}

function FileBrowser({ files, open, line, onOpen, changed }: {
  files: PolicyFile[];
  open?: string | null;
  line?: number | null;
  onOpen?: (path: string) => void;
  changed?: Set<string>;
}) {
  const [own, setOwn] = useState<string | null>(null);
  const current = open !== undefined ? open : own;
  const shown = files.find((f) => f.path === current) ?? files[0];
  return (
    <div className="file-browser">
      <ul className="file-list" aria-label="Files">
        {files.map((f) => (
          <li key={f.path}>
            <button type="button" className={`file-button${shown?.path === f.path ? ' current' : ''}`} aria-current={shown?.path === f.path ? 'true' : undefined}
                    onClick={() => (onOpen ? onOpen(f.path) : setOwn(f.path))}>
              {f.path}{changed?.has(f.path) ? <span className="changed-mark"> (changed)</span> : null}
            </button>
          </li>
        ))}
      </ul>
      {shown ? <CodeView path={shown.path} content={shown.content} line={shown.path === current ? line : null} /> : <p className="empty">No files.</p>}
    </div>
  );
}

/** A new version: the active version's files, changed by uploads or edits, then checked, simulated, published. */
function Candidate({ base, activeVersion }: { base: string; activeVersion: string }) {
  const client = useQueryClient();
  const [files, setFiles] = useState<PolicyFile[] | null>(null);
  const [original, setOriginal] = useState<Map<string, string>>(new Map());
  const [open, setOpen] = useState<string | null>(null);
  const [line, setLine] = useState<number | null>(null);
  const [editing, setEditing] = useState<PolicyFile | null>(null);
  const [targetPath, setTargetPath] = useState('');
  const [version, setVersion] = useState('');
  const [message, setMessage] = useState('');
  const start = useMutation({
    mutationFn: () => api<VersionFiles>(`${base}/versions/${encodeURIComponent(activeVersion)}`),
    onSuccess: (v) => {
      setFiles(v.files);
      setOriginal(new Map(v.files.map((f) => [f.path, f.content])));
      check.reset(); simulate.reset(); publish.reset();
    },
  });
  const check = useMutation({ mutationFn: () => api<PolicyReport>(`${base}/test`, { method: 'POST', body: { files } }) });
  const simulate = useMutation({ mutationFn: () => api<Simulation>(`${base}/simulate?sample=200`, { method: 'POST', body: { files } }) });
  const publish = useMutation({
    mutationFn: () => api<PolicyVersion>(`${base}/versions`, { method: 'POST', body: { version: version.trim() || undefined, message: message.trim() || undefined, files } }),
    onSuccess: () => {
      ['policies', 'policy', 'policy-history', 'chart', 'flags', 'groups', 'next-steps'].forEach((key) =>
        client.invalidateQueries({ queryKey: [key] }));
    },
  });

  const replace = (changes: PolicyFile[]) => {
    setFiles((current) => {
      const byPath = new Map((current ?? []).map((f) => [f.path, f]));
      changes.forEach((f) => byPath.set(f.path, f));
      return [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
    });
    check.reset(); simulate.reset(); publish.reset();
    if (changes.length > 0) {
      setOpen(changes[0].path);
      setLine(null);
    }
  };
  const uploadFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) {
      replace([{ path: targetPath.trim() || file.name, content: await file.text() }]);
    }
  };
  const uploadFolder = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    event.target.value = '';
    const read = await Promise.all(chosen.map(async (f) => {
      const relative = (f.webkitRelativePath || f.name).split('/');
      return { path: (relative.length > 1 ? relative.slice(1) : relative).join('/'), content: await f.text() };
    }));
    const visible = read.filter((f) => !f.path.split('/').some((part) => part.startsWith('.')));
    setFiles(visible.sort((a, b) => a.path.localeCompare(b.path)));
    check.reset(); simulate.reset(); publish.reset();
  };
  const changed = new Set((files ?? []).filter((f) => original.get(f.path) !== f.content).map((f) => f.path));
  const publishProblem = publish.error instanceof ApiError ? publish.error : null;
  const refusedReport = publishProblem?.body.report as PolicyReport | undefined;

  return (
    <section className="panel" aria-labelledby="candidate-title">
      <h2 id="candidate-title">New version</h2>
      {files === null ? (
        <>
          <p className="help">Start from the active version's files, change what you need, check it, see what would change, then publish.</p>
          <button type="button" onClick={() => start.mutate()} disabled={start.isPending}>Start from {activeVersion}</button>
          {start.isPending && <Loading what="the active version" />}
          {start.isError && <ProblemView error={start.error} />}
        </>
      ) : (
        <>
          <div className="upload-row">
            <label>Path in the policy folder
              <input type="text" value={targetPath} placeholder="schools/north-middle/parameters.yaml" onChange={(e) => setTargetPath(e.target.value)} />
            </label>
            <label className="file">Upload a file to that path
              <input type="file" accept=".drl,.yaml,.yml,.csv,.txt" onChange={uploadFile} data-testid="upload-file" />
            </label>
            <label className="file">Or upload a whole policy folder
              <input type="file" multiple onChange={uploadFolder} {...({ webkitdirectory: '' } as Record<string, string>)} />
            </label>
          </div>
          <p className="muted">{files.length} files, {changed.size} changed from {activeVersion}{changed.size ? `: ${[...changed].join(', ')}` : ''}.</p>
          <FileBrowser files={files} open={open} line={line} changed={changed} onOpen={(p) => { setOpen(p); setLine(null); }} />
          <div className="button-row">
            <button type="button" className="secondary" onClick={() => setEditing(files.find((f) => f.path === open) ?? files[0])}>Edit this file</button>
            <button type="button" onClick={() => check.mutate()} disabled={check.isPending}>{check.isPending ? 'Checking…' : 'Check and run scenarios'}</button>
            <button type="button" onClick={() => simulate.mutate()} disabled={simulate.isPending}>{simulate.isPending ? 'Simulating…' : 'What would change'}</button>
          </div>
          {check.isError && <ProblemView error={check.error} />}
          {check.data && <ReportView report={check.data} onProblem={(file, at) => { setOpen(file); setLine(at); }} />}
          {simulate.isPending && <Loading what="the simulation over stored evidence" />}
          {simulate.isError && <ProblemView error={simulate.error} />}
          {simulate.data && <SimulationDiff simulation={simulate.data} />}
          <form className="publish stacked" onSubmit={(e: FormEvent) => { e.preventDefault(); publish.mutate(); }} aria-label="Publish">
            <h3>Publish</h3>
            <label>Version name (blank: a prefix of the content hash)
              <input type="text" value={version} onChange={(e) => setVersion(e.target.value)} placeholder="2026.12.1" />
            </label>
            <label>Message
              <input type="text" value={message} onChange={(e) => setMessage(e.target.value)} placeholder="What changed and why" />
            </label>
            <button type="submit" disabled={publish.isPending || changed.size === 0}>{publish.isPending ? 'Publishing…' : 'Publish and make active'}</button>
            {publish.data && (
              <p className="ok" role="status">Version <code>{publish.data.version}</code> {publish.data.outcome === 'unchanged' ? 'already existed with this content' : 'is published and active'}.</p>
            )}
            {publish.isError && <ProblemView error={publish.error} />}
            {refusedReport && <ReportView report={refusedReport} onProblem={(file, at) => { setOpen(file); setLine(at); }} />}
          </form>
        </>
      )}
      <Dialog title={editing ? `Edit ${editing.path}` : 'Edit'} open={editing !== null} onClose={() => setEditing(null)} wide>
        {editing && <EditFile file={editing} onSave={(content) => { replace([{ path: editing.path, content }]); setEditing(null); }} />}
      </Dialog>
    </section>
  );
}

function EditFile({ file, onSave }: { file: PolicyFile; onSave: (content: string) => void }) {
  const [content, setContent] = useState(file.content);
  return (
    <form className="stacked" onSubmit={(e) => { e.preventDefault(); onSave(content); }}>
      <label>Content of {file.path}
        <textarea className="code-edit" rows={20} value={content} onChange={(e) => setContent(e.target.value)} spellCheck={false} />
      </label>
      <button type="submit">Keep this change</button>
    </form>
  );
}

/** The check and scenario report: each problem links to its file and line. */
function ReportView({ report, onProblem }: { report: PolicyReport; onProblem: (file: string, line: number | null) => void }) {
  return (
    <div className={`report ${report.ok ? 'ok' : 'refused'}`} role="status" aria-label="Check report">
      <p><strong>{report.ok ? 'Passed' : 'Refused'}</strong>: {report.summary}</p>
      {report.problems.length > 0 && (
        <ul className="problems">
          {report.problems.map((p, i) => (
            <li key={`${p.file}-${p.line}-${i}`}>
              <button type="button" className="link" onClick={() => onProblem(p.file, p.line > 0 ? p.line : null)}>
                {p.file}:{p.line}:{p.column}
              </button>: {p.message}
            </li>
          ))}
        </ul>
      )}
      {report.scenarios.length > 0 && (
        <table className="list">
          <caption>Scenarios</caption>
          <thead><tr><th scope="col">Scenario</th><th scope="col">File</th><th scope="col">Result</th></tr></thead>
          <tbody>
            {report.scenarios.map((s) => (
              <tr key={`${s.file}-${s.scenario}`}>
                <th scope="row">{s.scenario}</th>
                <td><code>{s.file}</code></td>
                <td>{s.passed ? 'passed' : <>failed: {s.difference}</>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
