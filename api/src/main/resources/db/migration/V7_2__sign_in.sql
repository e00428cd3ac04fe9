-- People sign in: with a password (failed attempts counted, the account held for a while after too many) or with
-- the district's OpenID Connect provider (each identity, issuer and subject, linked to one user).
-- Valid on PostgreSQL and on H2 in MODE=PostgreSQL.

alter table users add column failed_sign_ins integer default 0 not null;
alter table users add column locked_until timestamp with time zone;
alter table users add column last_sign_in_at timestamp with time zone;

create table user_identities (
    tenant_id        varchar(64)  not null references tenants (id),
    issuer           varchar(500) not null,
    subject          varchar(255) not null,
    user_id          varchar(100) not null,
    registration_id  varchar(100) not null,
    created_at       timestamp with time zone not null,
    primary key (tenant_id, issuer, subject),
    constraint user_identities_user foreign key (tenant_id, user_id) references users (tenant_id, user_id)
);
create index user_identities_by_user on user_identities (tenant_id, user_id);

-- OpenID Connect sign-ins in progress: the authorization request (state, nonce, PKCE verifier) kept until the
-- provider sends the browser back, at most ten minutes, bound to the browser that started it by a cookie whose value
-- is kept only as a hash. Not in the browser session: its SameSite=Strict cookie does not come back from another
-- site.
create table sign_in_requests (
    state_hash       varchar(64)  primary key,
    browser_hash     varchar(64)  not null,
    registration_id  varchar(100) not null,
    request          text         not null,                      -- JSON of the authorization request
    created_at       timestamp with time zone not null
);
