-- Standards on real data: several frameworks per tenant, CASE packages kept as published, retired activities,
-- xAPI statements kept as received. Valid on PostgreSQL and on H2 in MODE=PostgreSQL.

-- Several frameworks per tenant (one per subject, say), each optionally kept as a CASE document.
create table tenant_frameworks (
    tenant_id     varchar(64)  not null references tenants (id),
    framework_id  varchar(100) not null,
    name          varchar(300) not null,
    case_document varchar(200),                                      -- the CASE CFDocument identifier it is kept as
    competencies  text         not null,                             -- JSON array of competencies
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    primary key (tenant_id, framework_id)
);
insert into tenant_frameworks (tenant_id, framework_id, name, case_document, competencies, created_at, updated_at)
    select f.tenant_id, f.framework_id, f.name,
           (select min(d.identifier) from case_documents d where d.tenant_id = f.tenant_id
                and d.framework_id = f.framework_id),
           f.competencies, f.updated_at, f.updated_at
    from frameworks f;
drop table frameworks;
alter table tenant_frameworks rename to frameworks;
create unique index frameworks_by_case_document on frameworks (tenant_id, case_document);

-- An activity is retired rather than deleted: its evidence stays, it is no longer offered or mapped.
alter table activities add column retired_at timestamp with time zone;

-- The CASE document as published (CFDocument, CFDefinitions, CFRubrics), for GET /ims/case/v1p0/CFPackages/{id}.
alter table case_documents add column document text;
alter table case_documents add column definitions text;
alter table case_documents add column rubrics text;

-- CFItems per document, each as published (body) and where it stood in the package (package_position).
create table case_items_by_document (
    tenant_id           varchar(64)   not null references tenants (id),
    document_identifier varchar(200)  not null,
    identifier          varchar(200)  not null,
    package_position            integer,
    competency_id       varchar(200)  not null,
    uri                 varchar(1000),
    human_coding_scheme varchar(500),
    full_statement      text          not null,
    education_level     text,                                         -- comma-separated, as in the package
    item_type           varchar(500),
    in_framework        boolean       not null,
    body                text,                                         -- the CFItem as published
    primary key (tenant_id, document_identifier, identifier)
);
insert into case_items_by_document (tenant_id, document_identifier, identifier, package_position, competency_id, uri,
        human_coding_scheme, full_statement, education_level, item_type, in_framework, body)
    select tenant_id, document_identifier, identifier, null, competency_id, uri, human_coding_scheme, full_statement,
           education_level, item_type, in_framework, null
    from case_items;
drop table case_items;
alter table case_items_by_document rename to case_items;
create index case_items_by_uri on case_items (tenant_id, uri);
create index case_items_by_identifier on case_items (tenant_id, identifier);

-- CFAssociations per document, as published, with how Pathwise used each one (role).
create table case_associations_by_document (
    tenant_id              varchar(64)  not null references tenants (id),
    document_identifier    varchar(200) not null,
    identifier             varchar(200) not null,
    package_position               integer,
    association_type       varchar(100) not null,
    origin_identifier      varchar(200) not null,
    origin_uri             varchar(1000),
    destination_identifier varchar(200) not null,
    destination_uri        varchar(1000),
    sequence_number        integer,
    role                   varchar(40),                               -- parent, other-parent, prerequisite, external...
    body                   text,                                      -- the CFAssociation as published
    primary key (tenant_id, document_identifier, identifier)
);
insert into case_associations_by_document (tenant_id, document_identifier, identifier, package_position, association_type,
        origin_identifier, origin_uri, destination_identifier, destination_uri, sequence_number, role, body)
    select tenant_id, document_identifier, identifier, null, association_type, origin_identifier, origin_uri,
           destination_identifier, destination_uri, sequence_number, null, null
    from case_associations;
drop table case_associations;
alter table case_associations_by_document rename to case_associations;

-- Every valid xAPI statement as received, for GET /v1/xapi/statements?statementId=; voided_by once voided.
create table xapi_statements (
    tenant_id     varchar(64)  not null references tenants (id),
    statement_id  varchar(200) not null,
    statement     text         not null,
    voided_by     varchar(200),
    received_at   timestamp with time zone not null,
    primary key (tenant_id, statement_id)
);
