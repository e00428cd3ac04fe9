-- API keys get a public id (to list and revoke them without their secret) and a revocation time.
alter table api_keys add column key_id varchar(40);
alter table api_keys add column revoked_at timestamp with time zone;
update api_keys set key_id = 'key-' || substring(key_hash, 1, 16);
alter table api_keys alter column key_id set not null;
create unique index api_keys_by_key_id on api_keys (key_id);
