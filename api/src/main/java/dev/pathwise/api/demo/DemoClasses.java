package dev.pathwise.api.demo;

import dev.pathwise.api.classes.ClassService;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.KeyService;
import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.term.TermService;
import dev.pathwise.api.users.UserService;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The demo district's school year, its teacher Ana Rivera (a person with her own well-known key) and her class of
 * four grade-6 learners at North Middle School: what a teacher who sees only her class looks like.
 */
@Component
class DemoClasses {

    static final String TEACHER = "rivera";
    static final String CLASS = "ratios-6a";
    static final List<String> LEARNERS = List.of("nia", "omar", "pia", "xavi");

    private final TermService terms;
    private final UserService users;
    private final ClassService classes;
    private final KeyService keys;

    DemoClasses(TermService terms, UserService users, ClassService classes, KeyService keys) {
        this.terms = terms;
        this.users = users;
        this.classes = classes;
        this.keys = keys;
    }

    void create(String tenant, LocalDate today) {
        Caller demo = Caller.ofKey(tenant, Role.ADMIN, "demo");
        terms.create(
                demo,
                new TermService.TermJson(
                        "demo-year",
                        "School year " + today.getYear(),
                        "schoolYear",
                        today.minusWeeks(8),
                        today.plusWeeks(30),
                        null,
                        today.plusWeeks(30).getYear()));
        users.create(
                demo,
                new UserService.UserRequest(
                        TEACHER, TEACHER, "Ana", "Rivera", "rivera@demo.example.org", List.of("teacher"), null, null));
        keys.addUserKey(tenant, TEACHER, WellKnownKeys.RIVERA, "demo-rivera-key");
        classes.create(
                demo,
                new ClassService.ClassRequest(
                        CLASS,
                        "north-middle",
                        "Ratios 6A",
                        "R6A",
                        null,
                        List.of("demo-year"),
                        List.of("Mathematics"),
                        List.of(TEACHER),
                        LEARNERS));
    }
}
