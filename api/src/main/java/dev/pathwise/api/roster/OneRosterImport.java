package dev.pathwise.api.roster;

import dev.pathwise.api.audit.AuditTrail;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.tenant.Caller;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a OneRoster CSV zip in one transaction: orgs, terms and courses first, then people, classes and
 * enrollments, then what is to be removed, dependents first. Any error refuses the whole import (422 with the
 * report, nothing written); a dry run reports what would happen and writes nothing.
 */
@Service
public class OneRosterImport {

    private final RosterStructure structure;
    private final RosterPeople people;
    private final RosterClasses classes;
    private final RosterLinks links;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public OneRosterImport(
            RosterStructure structure,
            RosterPeople people,
            RosterClasses classes,
            RosterLinks links,
            TransactionTemplate transactions,
            AuditTrail audit,
            Clock clock) {
        this.structure = structure;
        this.people = people;
        this.classes = classes;
        this.links = links;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What an import did (or, for a dry run or a refused import, would have done).
     *
     * @param applied  true when the changes were written
     * @param files    each file read with its mode (bulk or delta)
     * @param counts   per entity: created, updated, unchanged, removed, skipped
     * @param errors   strict rules broken (any refuses the import), each with file, line and column
     * @param warnings cosmetic columns read leniently, as noted
     * @param skipped  rows read and on purpose not imported, with the reason
     */
    public record Report(
            String oneRosterVersion,
            boolean dryRun,
            boolean applied,
            Map<String, String> files,
            Map<String, Map<String, Integer>> counts,
            int errorCount,
            int warningCount,
            int skippedCount,
            List<RosterProblems.Problem> errors,
            List<RosterProblems.Problem> warnings,
            List<RosterProblems.Problem> skipped) {}

    public Report run(Caller caller, byte[] zip, boolean dryRun) {
        RosterProblems problems = new RosterProblems();
        OneRosterArchive archive = OneRosterArchive.read(zip, problems);
        RosterRecords.Set set = RosterRecordReader.read(archive, problems);
        RosterContext ctx = new RosterContext(caller, clock.instant(), archive, problems, links);
        Report report = transactions.execute(status -> {
            apply(ctx, set);
            boolean write = !dryRun && !problems.hasErrors();
            if (!write) {
                status.setRollbackOnly();
            }
            Report result = report(ctx, set, dryRun, write);
            if (write) {
                audit.record(caller, "roster.imported", "roster", "oneroster-" + set.version(), summary(result));
            }
            return result;
        });
        if (report.errorCount() > 0) {
            RosterProblems.Problem first = report.errors().get(0);
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "roster-refused",
                    first.where(),
                    first.value(),
                    "the roster was not imported, nothing changed: " + report.errorCount() + " problem"
                            + (report.errorCount() == 1 ? "" : "s") + "; the first: " + first.where() + ": "
                            + first.message(),
                    report.errors().stream()
                            .map(p -> p.where() + ": " + p.message())
                            .toList(),
                    Map.of("report", report));
        }
        return report;
    }

    private void apply(RosterContext ctx, RosterRecords.Set set) {
        structure.orgs(ctx, set.orgs());
        structure.sessions(ctx, set.sessions());
        structure.courses(ctx, set.courses());
        people.users(ctx, set);
        classes.classes(ctx, set.classes());
        classes.enrollments(ctx, set.enrollments());
        if (!ctx.problems.hasErrors()) {
            classes.applyRemovals(ctx);
            people.applyRemovals(ctx);
            structure.applyRemovals(ctx);
        }
        for (int i = 0; i < set.demographics(); i++) {
            ctx.count("demographics", RosterContext.Outcome.SKIPPED);
        }
        if (set.demographics() > 0) {
            ctx.problems.warning(
                    "demographics.csv",
                    0,
                    0,
                    null,
                    null,
                    set.demographics() + " rows read and not" + " stored: Pathwise keeps no demographic data");
        }
    }

    private static Report report(RosterContext ctx, RosterRecords.Set set, boolean dryRun, boolean applied) {
        Map<String, String> files = new LinkedHashMap<>();
        ctx.archive.modes().forEach((file, mode) -> {
            if (mode != OneRosterArchive.Mode.ABSENT) {
                files.put(file, mode.name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        ctx.counts().forEach((entity, outcomes) -> {
            Map<String, Integer> byOutcome = new LinkedHashMap<>();
            outcomes.forEach((outcome, n) -> byOutcome.put(outcome.name().toLowerCase(java.util.Locale.ROOT), n));
            counts.put(entity, byOutcome);
        });
        RosterProblems problems = ctx.problems;
        return new Report(
                set.version(),
                dryRun,
                applied,
                files,
                counts,
                problems.errorCount(),
                problems.warningCount(),
                problems.skippedCount(),
                problems.errors(),
                problems.warnings(),
                problems.skipped());
    }

    private static String summary(Report report) {
        StringBuilder text = new StringBuilder();
        report.counts().forEach((entity, outcomes) -> {
            int changed = outcomes.get("created") + outcomes.get("updated") + outcomes.get("removed");
            if (changed > 0) {
                text.append(text.length() == 0 ? "" : "; ")
                        .append(entity)
                        .append(' ')
                        .append(outcomes);
            }
        });
        return text.length() == 0 ? "nothing changed" : text.toString();
    }
}
