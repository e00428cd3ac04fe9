import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ApiKey, CreatedKey } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { formatTime, Pager, ProblemView, QueryView } from '../../components/States';

const ROLES = ['teacher', 'curriculum', 'platform', 'admin'];
const PAGE = 25;

/** The tenant's API keys: a new key is shown once, here; a revoked key is refused from its next request on. */
export function KeysPage() {
  const client = useQueryClient();
  const keys = useQuery({ queryKey: ['keys'], queryFn: () => api<ApiKey[]>('/v1/keys') });
  const [role, setRole] = useState('teacher');
  const [label, setLabel] = useState('');
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [offset, setOffset] = useState(0);
  const create = useMutation({
    mutationFn: () => api<CreatedKey>('/v1/keys', { method: 'POST', body: { role, label: label.trim() || undefined } }),
    onSuccess: () => {
      setLabel('');
      client.invalidateQueries({ queryKey: ['keys'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api<ApiKey>(`/v1/keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => {
      setRevoking(null);
      client.invalidateQueries({ queryKey: ['keys'] });
    },
  });
  return (
    <>
      <h1>API keys</h1>
      <form className="card inline-form" onSubmit={(e: FormEvent) => { e.preventDefault(); create.mutate(); }} aria-label="Create a key">
        <label>Role
          <select value={role} onChange={(e) => setRole(e.target.value)}>
            {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
        <label>Label
          <input type="text" value={label} onChange={(e) => setLabel(e.target.value)} placeholder="who or what holds it" maxLength={100} />
        </label>
        <button type="submit" disabled={create.isPending}>Create key</button>
      </form>
      {create.isError && <ProblemView error={create.error} />}
      {create.data && (
        <div className="secret" role="status">
          <p><strong>Key {create.data.id}</strong> ({create.data.role}, “{create.data.label}”) was created. Copy it now: it is shown only this once.</p>
          <p><code className="key" data-testid="new-key">{create.data.key}</code></p>
          <button type="button" className="secondary" onClick={() => create.reset()}>I have copied it</button>
        </div>
      )}
      <QueryView query={keys} what="the keys">
        {(list) => (
          <>
            <table className="list">
              <thead>
                <tr><th scope="col">Key</th><th scope="col">Role</th><th scope="col">Label</th><th scope="col">Created</th><th scope="col">Status</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
              </thead>
              <tbody>
                {list.slice(offset, offset + PAGE).map((k) => (
                  <tr key={k.id} data-key-id={k.id}>
                    <th scope="row"><code>{k.id}</code></th>
                    <td>{k.role}</td>
                    <td>{k.label}</td>
                    <td>{formatTime(k.createdAt)}</td>
                    <td>{k.revokedAt ? `revoked ${formatTime(k.revokedAt)}` : 'active'}</td>
                    <td>{!k.revokedAt && <button type="button" className="danger" onClick={() => setRevoking(k)} aria-label={`Revoke ${k.id} (${k.label})`}>Revoke</button>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {list.length > PAGE && <Pager offset={offset} limit={PAGE} total={list.length} label="Keys" onChange={setOffset} />}
          </>
        )}
      </QueryView>
      <Dialog title="Revoke a key" open={revoking !== null} onClose={() => { setRevoking(null); revoke.reset(); }}>
        {revoking && (
          <>
            <p>Revoke <code>{revoking.id}</code> ({revoking.role}, “{revoking.label}”)? Every request with it, and every
              session signed in with it, is refused from now on. This cannot be undone.</p>
            <div className="button-row">
              <button type="button" className="danger" onClick={() => revoke.mutate(revoking.id)} disabled={revoke.isPending}>Revoke {revoking.id}</button>
              <button type="button" className="secondary" onClick={() => setRevoking(null)}>Cancel</button>
            </div>
            {revoke.isError && <ProblemView error={revoke.error} />}
          </>
        )}
      </Dialog>
    </>
  );
}
