-- Evidence refused on the evidence stream (dev.pathwise.api.stream): there is no HTTP answer to carry the problem,
-- so it is kept here for GET /v1/evidence/{id} (and sent to the dead-letter topic). Learner data: erased with the
-- learner (LearnerErasure).
create table evidence_refusals (
    tenant_id    varchar(64)  not null references tenants (id),
    evidence_id  varchar(200) not null,
    learner_id   varchar(200),
    problem      text         not null,               -- the problem+json document
    refused_at   timestamp with time zone not null,
    primary key (tenant_id, evidence_id)
);
create index evidence_refusals_by_learner on evidence_refusals (tenant_id, learner_id);
