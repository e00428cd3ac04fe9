import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { QueryView } from '../../components/States';

interface Health {
  status: string;
  groups?: string[];
  components?: Record<string, { status: string }>;
}

interface Metric {
  name: string;
  baseUnit?: string;
  measurements: { statistic: string; value: number }[];
}

const METRICS: { name: string; label: string; format: (m: Metric) => string }[] = [
  { name: 'process.uptime', label: 'Uptime', format: (m) => `${(value(m) / 3600).toFixed(1)} h` },
  { name: 'http.server.requests', label: 'HTTP requests served', format: (m) => value(m, 'COUNT').toLocaleString('en') },
  { name: 'jvm.memory.used', label: 'JVM memory used', format: (m) => `${(value(m) / 1024 / 1024).toFixed(0)} MB` },
  { name: 'hikaricp.connections.active', label: 'Database connections in use', format: (m) => String(value(m)) },
  { name: 'system.cpu.usage', label: 'CPU usage (whole machine)', format: (m) => `${(100 * value(m)).toFixed(0)}%` },
];

function value(metric: Metric, statistic = 'VALUE'): number {
  return metric.measurements.find((m) => m.statistic === statistic)?.value ?? metric.measurements[0]?.value ?? 0;
}

/** Is the service up and ready, and how is it doing: Actuator's health probes and a few of its metrics. */
export function HealthPage() {
  const health = useQuery({ queryKey: ['health'], queryFn: () => api<Health>('/actuator/health'), refetchInterval: 15_000 });
  const liveness = useQuery({ queryKey: ['health', 'liveness'], queryFn: () => api<Health>('/actuator/health/liveness') });
  const readiness = useQuery({ queryKey: ['health', 'readiness'], queryFn: () => api<Health>('/actuator/health/readiness') });
  const metrics = useQuery({
    queryKey: ['metrics'],
    queryFn: () => Promise.all(METRICS.map((m) => api<Metric>(`/actuator/metrics/${m.name}`).catch(() => null))),
    refetchInterval: 15_000,
  });
  const status = (s: string) => <span className={`status ${s.toLowerCase()}`}>{s}</span>;
  return (
    <>
      <h1>Health</h1>
      <QueryView query={health} what="health">
        {(h) => (
          <dl className="facts">
            <dt>Service</dt><dd>{status(h.status)}</dd>
            <dt>Alive</dt><dd>{liveness.data ? status(liveness.data.status) : '…'}</dd>
            <dt>Ready for traffic</dt><dd>{readiness.data ? status(readiness.data.status) : '…'}</dd>
          </dl>
        )}
      </QueryView>
      <h2>Metrics</h2>
      <QueryView query={metrics} what="metrics">
        {(list) => (
          <table className="list">
            <thead><tr><th scope="col">Measure</th><th scope="col">Now</th></tr></thead>
            <tbody>
              {METRICS.map((m, i) => (
                <tr key={m.name}><th scope="row">{m.label} <code>{m.name}</code></th><td>{list[i] ? m.format(list[i]!) : 'not measured yet'}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
      <p className="muted">Prometheus scrapes the same figures at <code>/actuator/prometheus</code>.</p>
    </>
  );
}
