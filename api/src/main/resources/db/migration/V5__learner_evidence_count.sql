-- Every learner row records how many evidence rows of the learner its snapshot accounts for (counted, voided or cut
-- off alike). Each write of a learner states the count its snapshot includes and is refused by the database when the
-- evidence table holds another number (LearnerRepository), so an acknowledged evidence can never be left out of a
-- learner's state silently. Valid on PostgreSQL and on H2 in MODE=PostgreSQL.

alter table learners add column evidence_count bigint default 0 not null;
update learners set evidence_count = (select count(*) from evidence e
    where e.tenant_id = learners.tenant_id and e.learner_id = learners.learner_id);
