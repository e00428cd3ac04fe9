import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, query } from '../../api/client';
import { usePolicyDetail } from '../../api/hooks';
import type { MasteryReport } from '../../api/types';
import { Loading, ProblemView, QueryView } from '../../components/States';

/** The district's schools with their learners and how much of the framework they have mastered. */
export function SchoolsPage() {
  const detail = usePolicyDetail();
  const schools = detail.data ? Object.keys(detail.data.schools).sort() : [];
  const charts = useQueries({
    queries: schools.map((school) => ({
      queryKey: ['school-summary', school],
      queryFn: () => api<MasteryReport>(`/v1/reports/mastery${query({ school, limit: 0 })}`),
    })),
  });
  return (
    <>
      <h1>Schools</h1>
      <QueryView query={detail} what="the schools">
        {() => schools.length === 0 ? <p className="empty">No school yet.</p> : (
          <table className="list">
            <thead>
              <tr><th scope="col">School</th><th scope="col">Learners</th><th scope="col">Competencies mastered (mean share)</th><th scope="col">Policy</th></tr>
            </thead>
            <tbody>
              {schools.map((school, i) => {
                const chart = charts[i];
                const mean = chart.data && chart.data.summary.length > 0
                  ? chart.data.summary.reduce((sum, s) => sum + s.percentMastered, 0) / chart.data.summary.length : null;
                return (
                  <tr key={school}>
                    <th scope="row"><Link to={`/chart?school=${encodeURIComponent(school)}`}>{school}</Link></th>
                    <td>{chart.isPending ? <Loading what="learners" /> : chart.isError ? <ProblemView error={chart.error} /> : chart.data.total}</td>
                    <td>{mean === null ? '—' : `${mean.toFixed(1)}%`}</td>
                    <td><Link to={`/admin/policy?school=${encodeURIComponent(school)}`}>parameters</Link></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </QueryView>
    </>
  );
}
