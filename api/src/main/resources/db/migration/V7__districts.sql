-- A real district: tenants an operator creates and disables, operator keys, terms, courses, classes with their
-- teachers and enrolled learners, users (people) with their own keys, and an audit trail naming the person.
-- Valid on PostgreSQL and on H2 in MODE=PostgreSQL.

-- A disabled tenant keeps its data; every key of it is refused until an operator enables it again.
alter table tenants add column status varchar(20) default 'active' not null;
alter table tenants add column disabled_at timestamp with time zone;

-- Keys of the deployment's operators (above tenants): 'operator' manages tenants and reads metrics, 'metrics' only
-- reads metrics (a Prometheus scraper). Stored as SHA-256 like tenant keys.
create table operator_keys (
    key_hash    varchar(64)  primary key,
    key_id      varchar(40)  not null,
    scope       varchar(20)  not null,
    label       varchar(100) not null,
    created_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone
);
create unique index operator_keys_by_key_id on operator_keys (key_id);

-- Academic sessions: school years, semesters, terms, grading periods.
create table terms (
    tenant_id    varchar(64)  not null references tenants (id),
    term_id      varchar(100) not null,
    title        varchar(200) not null,
    type         varchar(20)  not null,                          -- schoolYear, semester, term, gradingPeriod
    start_date   date         not null,
    end_date     date         not null,
    parent_id    varchar(100),
    school_year  integer,
    updated_at   timestamp with time zone not null,
    primary key (tenant_id, term_id)
);

-- Courses, as rosters name them; a class is a section of a course.
create table courses (
    tenant_id    varchar(64)  not null references tenants (id),
    course_id    varchar(100) not null,
    title        varchar(200) not null,
    course_code  varchar(100),
    school_id    varchar(100),
    grades       text,                                           -- JSON array of grade numbers
    subjects     text,                                           -- JSON array
    updated_at   timestamp with time zone not null,
    primary key (tenant_id, course_id)
);

create table classes (
    tenant_id    varchar(64)  not null references tenants (id),
    class_id     varchar(100) not null,
    school_id    varchar(100) not null,
    title        varchar(200) not null,
    class_code   varchar(100),
    course_id    varchar(100),
    subjects     text,                                           -- JSON array
    updated_at   timestamp with time zone not null,
    primary key (tenant_id, class_id),
    constraint classes_school foreign key (tenant_id, school_id) references schools (tenant_id, school_id)
);
create index classes_by_school on classes (tenant_id, school_id);

-- The terms a class runs in (one or more).
create table class_terms (
    tenant_id    varchar(64)  not null references tenants (id),
    class_id     varchar(100) not null,
    term_id      varchar(100) not null,
    primary key (tenant_id, class_id, term_id),
    constraint class_terms_class foreign key (tenant_id, class_id) references classes (tenant_id, class_id),
    constraint class_terms_term foreign key (tenant_id, term_id) references terms (tenant_id, term_id)
);

-- People: teachers, curriculum leads and admins of a tenant. roles is a comma-separated set.
create table users (
    tenant_id      varchar(64)  not null references tenants (id),
    user_id        varchar(100) not null,
    username       varchar(100) not null,
    given_name     varchar(200),
    family_name    varchar(200),
    email          varchar(320),
    roles          varchar(100) not null,
    status         varchar(20)  not null,                        -- active or disabled
    password_hash  varchar(300),                                 -- {argon2}...; null: no password sign-in
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    primary key (tenant_id, user_id)
);
create unique index users_by_username on users (tenant_id, username);

create table class_teachers (
    tenant_id    varchar(64)  not null references tenants (id),
    class_id     varchar(100) not null,
    user_id      varchar(100) not null,
    primary key (tenant_id, class_id, user_id),
    constraint class_teachers_class foreign key (tenant_id, class_id) references classes (tenant_id, class_id),
    constraint class_teachers_user foreign key (tenant_id, user_id) references users (tenant_id, user_id)
);
create index class_teachers_by_user on class_teachers (tenant_id, user_id);

create table enrollments (
    tenant_id    varchar(64)  not null references tenants (id),
    class_id     varchar(100) not null,
    learner_id   varchar(100) not null,
    begin_date   date,
    end_date     date,
    primary key (tenant_id, class_id, learner_id),
    constraint enrollments_class foreign key (tenant_id, class_id) references classes (tenant_id, class_id),
    constraint enrollments_learner foreign key (tenant_id, learner_id) references learners (tenant_id, learner_id)
);
create index enrollments_by_learner on enrollments (tenant_id, learner_id);

-- A key either has a role (a key of the tenant, held by a system) or belongs to a person (role from the person).
alter table api_keys add column user_id varchar(100);
alter table api_keys alter column role drop not null;
create index api_keys_by_user on api_keys (tenant_id, user_id);

-- A learner's name, as the roster gives it (shown to their teachers; nothing else depends on it).
alter table learners add column given_name varchar(200);
alter table learners add column family_name varchar(200);

-- Who made an override: the person's user id, besides the name kept in author.
alter table overrides add column author_user_id varchar(100);

-- What was done to the tenant's people, classes, keys and learners, and by whom. A learner's erasure leaves a
-- tombstone here that holds no personal data; earlier rows about the learner lose the learner's id.
create table audit_events (
    seq            bigint generated by default as identity primary key,
    tenant_id      varchar(64)  not null references tenants (id),
    at             timestamp with time zone not null,
    actor_user_id  varchar(100),
    actor          varchar(300) not null,
    action         varchar(60)  not null,
    target_type    varchar(40),
    target_id      varchar(300),
    detail         text
);
create index audit_events_by_tenant on audit_events (tenant_id, seq);
create index audit_events_by_target on audit_events (tenant_id, target_type, target_id);
