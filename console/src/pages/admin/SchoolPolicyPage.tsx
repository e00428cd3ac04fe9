import { useSearchParams } from 'react-router';
import { usePolicyDetail } from '../../api/hooks';
import type { Parameters } from '../../api/types';
import { QueryView } from '../../components/States';

function show(value: unknown): string {
  if (value === null || value === undefined) {
    return '—';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The policy's parameters per grade band, for the district and for each school (a school's own values marked). */
export function SchoolPolicyPage() {
  const detail = usePolicyDetail();
  const [params, setParams] = useSearchParams();
  const school = params.get('school') ?? '';
  return (
    <>
      <h1>Policy by school and grade band</h1>
      <QueryView query={detail} what="the policy">
        {(policy) => {
          const schools = Object.keys(policy.schools).sort();
          const bands: Record<string, Parameters> = school ? policy.schools[school] ?? {} : policy.district;
          const names = [...new Set(Object.values(bands).flatMap((p) => Object.keys(p)))].sort();
          const bandNames = Object.keys(bands);
          return (
            <>
              <p className="muted">Policy <code>{policy.policy.id}</code>, version {policy.policy.activeVersion}. Rule files: {policy.files.map((f) => `${f.path} (${f.layer})`).join(', ')}.</p>
              <label>Scope
                <select value={school} onChange={(e) => setParams(e.target.value ? { school: e.target.value } : {}, { replace: true })}>
                  <option value="">District</option>
                  {schools.map((s) => <option key={s} value={s}>{s}</option>)}
                </select>
              </label>
              <table className="list parameters">
                <caption>{school ? `Parameters at ${school}` : 'District parameters'}, by grade band{school ? ' (values that differ from the district are marked)' : ''}</caption>
                <thead><tr><th scope="col">Parameter</th>{bandNames.map((b) => <th key={b} scope="col">{b}</th>)}</tr></thead>
                <tbody>
                  {names.map((name) => (
                    <tr key={name}>
                      <th scope="row"><code>{name}</code></th>
                      {bandNames.map((b) => {
                        const value = bands[b]?.[name];
                        const differs = school !== '' && show(value) !== show(policy.district[b]?.[name]);
                        return <td key={b} className={differs ? 'differs' : undefined}>{show(value)}{differs && <span className="visually-hidden"> (school's own value)</span>}</td>;
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          );
        }}
      </QueryView>
    </>
  );
}
