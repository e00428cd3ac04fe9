-- Interoperability: CASE 1.0 frameworks, xAPI 1.0.3 statements, IRI alignments, voided evidence.
-- Valid on PostgreSQL and on H2 in MODE=PostgreSQL.

-- An activity's IRI, as learning platforms name it in xAPI statements.
alter table activities add column iri varchar(1000);
create index activities_by_iri on activities (tenant_id, iri);

-- Evidence voided by an xAPI 'voided' statement: kept append-only, left out of replays and counts.
alter table evidence add column voided_by varchar(200);
alter table evidence add column voided_at timestamp with time zone;

-- The CASE documents imported into a tenant's framework.
create table case_documents (
    tenant_id     varchar(64)  not null references tenants (id),
    identifier    varchar(200) not null,
    uri           varchar(1000),
    title         varchar(500) not null,
    package_hash  varchar(64)  not null,                              -- SHA-256 of the package, keys sorted
    framework_id  varchar(200) not null,
    imported_at   timestamp with time zone not null,
    primary key (tenant_id, identifier)
);

-- Every CFItem imported, with the competency it became. Items dropped by a later package stay, not in_framework.
create table case_items (
    tenant_id           varchar(64)   not null references tenants (id),
    identifier          varchar(200)  not null,
    document_identifier varchar(200)  not null,
    competency_id       varchar(200)  not null,
    uri                 varchar(1000),
    human_coding_scheme varchar(200),
    full_statement      text          not null,
    education_level     varchar(200),                                 -- comma-separated, as in the package
    item_type           varchar(200),
    in_framework        boolean       not null,
    primary key (tenant_id, identifier)
);
create index case_items_by_uri on case_items (tenant_id, uri);

-- Every CFAssociation imported; isChildOf and precedes shape the framework, the others are kept as they are.
create table case_associations (
    tenant_id              varchar(64)  not null references tenants (id),
    identifier             varchar(200) not null,
    document_identifier    varchar(200) not null,
    association_type       varchar(100) not null,
    origin_identifier      varchar(200) not null,
    origin_uri             varchar(1000),
    destination_identifier varchar(200) not null,
    destination_uri        varchar(1000),
    sequence_number        integer,
    primary key (tenant_id, identifier)
);

-- xAPI actors (account or mbox, as a key such as 'mbox:mailto:nia@example.org') mapped to learners.
create table xapi_actors (
    tenant_id   varchar(64)  not null references tenants (id),
    actor_key   varchar(700) not null,
    learner_id  varchar(100) not null,
    updated_at  timestamp with time zone not null,
    primary key (tenant_id, actor_key)
);

-- Activity IRIs aligned to an activity or a competency, set by the tenant.
create table iri_alignments (
    tenant_id     varchar(64)   not null references tenants (id),
    iri           varchar(1000) not null,
    activity_id   varchar(100),
    competency_id varchar(200),
    updated_at    timestamp with time zone not null,
    primary key (tenant_id, iri)
);

-- Statements that could not be turned into evidence, parked for review; removed once one is stored or voided.
create table xapi_unmapped (
    tenant_id     varchar(64)   not null references tenants (id),
    statement_id  varchar(200)  not null,
    reason        varchar(40)   not null,
    detail        text          not null,
    actor_key     varchar(700),
    verb          varchar(1000),
    object_iri    varchar(1000),
    statement     text          not null,
    received_at   timestamp with time zone not null,
    primary key (tenant_id, statement_id)
);
