-- Browser sessions of the web console (Spring Session JDBC, table name set by spring.session.jdbc.table-name):
-- kept in the database so that they survive a restart and are shared by every API node.
-- The session holds who signed in (for an API key: its SHA-256 hash, never the key) and its CSRF token.
-- Valid on PostgreSQL and on H2 in MODE=PostgreSQL.

create table browser_sessions (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint browser_sessions_pk primary key (primary_id)
);
create unique index browser_sessions_ix1 on browser_sessions (session_id);
create index browser_sessions_ix2 on browser_sessions (expiry_time);
create index browser_sessions_ix3 on browser_sessions (principal_name);

create table browser_sessions_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint browser_sessions_attributes_pk primary key (session_primary_id, attribute_name),
    constraint browser_sessions_attributes_fk foreign key (session_primary_id)
        references browser_sessions (primary_id) on delete cascade
);
