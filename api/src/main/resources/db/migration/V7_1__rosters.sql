-- OneRoster imports: every roster record (org, academic session, course, class, user, enrollment) linked to what it
-- became in Pathwise, with the hash of its content, so that the same file again changes nothing, a delta file finds
-- what it updates or removes, and a bulk file removes what it no longer lists (only what a roster brought).
-- Valid on PostgreSQL and on H2 in MODE=PostgreSQL.

create table roster_links (
    tenant_id     varchar(64)  not null references tenants (id),
    kind          varchar(20)  not null,                          -- org, academicSession, course, class, user, enrollment
    source_id     varchar(255) not null,                          -- the roster's sourcedId
    target_id     varchar(300) not null,                          -- the Pathwise id (an enrollment: class|person|role)
    target_type   varchar(20)  not null,                          -- school, term, course, class, learner, teacher, enrollment, teaching
    content_hash  varchar(64)  not null,
    status        varchar(20)  not null,                          -- active or removed
    updated_at    timestamp with time zone not null,
    primary key (tenant_id, kind, source_id)
);
create index roster_links_by_target on roster_links (tenant_id, target_type, target_id);
