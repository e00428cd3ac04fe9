-- Change counters per tenant, so that every node of a deployment runs the same policy and curriculum.
-- policy_changes is bumped in the transaction that publishes, activates or rolls back a policy version;
-- curriculum_changes in the transaction that changes a framework or an activity. Each node polls both
-- (dev.pathwise.api.sync.ChangeWatcher) and reloads a tenant's caches when one of them moved.
alter table tenants add column policy_changes bigint default 0 not null;
alter table tenants add column curriculum_changes bigint default 0 not null;
