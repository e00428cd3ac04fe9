import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { PolicyDetail, PolicySummary } from './types';

/** The tenant's active policy in brief (its id is the workspace's). */
export function usePolicySummary(enabled = true) {
  return useQuery({
    queryKey: ['policies'],
    queryFn: () => api<PolicySummary[]>('/v1/policies').then((list) => list[0]),
    enabled,
  });
}

/** The active policy with its parameters per grade band, for the district and each school. */
export function usePolicyDetail(enabled = true) {
  const summary = usePolicySummary(enabled);
  const id = summary.data?.id;
  return useQuery({
    queryKey: ['policy', id],
    queryFn: () => api<PolicyDetail>(`/v1/policies/${encodeURIComponent(id!)}`),
    enabled: enabled && !!id,
  });
}

/**
 * The tenant's schools, as the API knows them today: every school the policy has parameters for (each school of
 * the tenant, and each school with an overlay). Empty for a role that cannot read policies.
 */
export function useSchools(enabled = true): string[] {
  const detail = usePolicyDetail(enabled);
  return detail.data ? Object.keys(detail.data.schools).sort() : [];
}
