package dev.pathwise.api.interop.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * xAPI 1.0.3 Data 2.4.2: Agents (exactly one inverse functional identifier), anonymous Groups (members, no IFI) and
 * identified Groups (exactly one IFI), the account object ({@code homePage} IRL and {@code name}), {@code mbox} as a
 * {@code mailto:} IRI, {@code mbox_sha1sum} as 40 hex digits, {@code openid} as a URI.
 */
final class AgentRules {

    static final List<String> IFIS = List.of("mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> AGENT_KEYS =
            Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> GROUP_KEYS =
            Set.of("objectType", "name", "member", "mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> ACCOUNT_KEYS = Set.of("homePage", "name");

    /** Where an Agent or Group appears: which kinds it may be and whether objectType is required. */
    enum Role {
        ACTOR(true, false),
        OBJECT(true, true),
        INSTRUCTOR(true, false),
        TEAM(false, true),
        AUTHORITY(true, false),
        MEMBER(true, false);

        final boolean agentAllowed;
        final boolean objectTypeRequired;

        Role(boolean agentAllowed, boolean objectTypeRequired) {
            this.agentAllowed = agentAllowed;
            this.objectTypeRequired = objectTypeRequired;
        }
    }

    private final StatementChecks checks;

    AgentRules(StatementChecks checks) {
        this.checks = checks;
    }

    /** An Agent or a Group at {@code path}, as allowed for its role. */
    void agentOrGroup(JsonNode node, String path, Role role) {
        if (!checks.object(node, path, "an Agent or a Group", "Data 2.4.2")) {
            return;
        }
        String type = checks.string(node, "objectType", path, "Data 2.4.2");
        if (type == null && node.hasNonNull("objectType")) {
            return;
        }
        if (type == null && role.objectTypeRequired) {
            checks.add(
                    StatementChecks.at(path, "objectType"),
                    "object-type-required",
                    "Data 2.4.4.2",
                    null,
                    "is missing; an Agent or Group "
                            + (role == Role.TEAM ? "used as context.team" : "used as the" + " statement's object")
                            + " must say \"objectType\": \"" + (role == Role.TEAM ? "Group" : "Agent\" or \"Group")
                            + "\"");
            return;
        }
        if (type == null || type.equals("Agent")) {
            if (!role.agentAllowed) {
                checks.add(
                        path,
                        "team-is-group",
                        "Data 2.4.6.s3.table1.row3",
                        type,
                        "is an Agent; context.team" + " must be a Group");
                return;
            }
            agent(node, path);
        } else if (type.equals("Group")) {
            if (role == Role.MEMBER) {
                checks.add(
                        StatementChecks.at(path, "objectType"),
                        "group-members-are-agents",
                        "Data 2.4.2.2.s4.b2",
                        type,
                        "a Group's members are Agents; a Group may not contain a Group");
                return;
            }
            group(node, path, role);
        } else {
            checks.add(
                    StatementChecks.at(path, "objectType"),
                    "object-type-enum",
                    "Data 2.4.2",
                    type,
                    "'" + type + "' is not an objectType here; use \"Agent\" or \"Group\" (the case matters)");
        }
    }

    private void agent(JsonNode node, String path) {
        checks.keys(node, path, AGENT_KEYS, "an Agent", "Data 2.4.2.1");
        checks.string(node, "name", path, "Data 2.4.2.1");
        List<String> ifis = ifis(node, path);
        if (ifis.isEmpty()) {
            checks.add(
                    path,
                    "agent-one-ifi",
                    "Data 2.4.2.1.s2.b1",
                    null,
                    "an Agent must be identified by one of " + IFIS
                            + " (for a learner on a platform: \"account\": {\"homePage\": ..., \"name\": ...})");
        } else if (ifis.size() > 1) {
            checks.add(
                    path,
                    "agent-one-ifi",
                    "Data 2.4.2.1.s2.b2",
                    ifis.toString(),
                    "an Agent has exactly one" + " inverse functional identifier; this one has " + ifis + "; keep one");
        }
    }

    private void group(JsonNode node, String path, Role role) {
        checks.keys(node, path, GROUP_KEYS, "a Group", "Data 2.4.2.2");
        checks.string(node, "name", path, "Data 2.4.2.2");
        List<String> ifis = ifis(node, path);
        JsonNode members = node.get("member");
        if (ifis.size() > 1) {
            checks.add(
                    path,
                    "group-one-ifi",
                    "Data 2.4.2.2.s5.b1",
                    ifis.toString(),
                    "an identified Group has" + " exactly one inverse functional identifier; this one has " + ifis
                            + "; keep one");
        }
        if (ifis.isEmpty() && (members == null || members.isNull())) {
            checks.add(
                    StatementChecks.at(path, "member"),
                    "anonymous-group-members",
                    "Data 2.4.2.2.s4.b1",
                    null,
                    "is missing; a Group without an identifier (an anonymous Group) must list its members");
        }
        if (members != null && !members.isNull()) {
            String here = StatementChecks.at(path, "member");
            if (!members.isArray()) {
                checks.add(
                        here,
                        "type-array",
                        "Data 2.4.2.2",
                        StatementChecks.shownValue(members),
                        "is " + StatementChecks.describe(members) + "; it must be an array of Agents");
                return;
            }
            for (int i = 0; i < members.size(); i++) {
                agentOrGroup(members.get(i), here + "[" + i + "]", Role.MEMBER);
            }
            if (role == Role.AUTHORITY && members.size() != 2) {
                checks.add(
                        here,
                        "authority-group-two-agents",
                        "Data 2.4.9.s3.b1",
                        members.size(),
                        "a Group as"
                                + " authority is an OAuth application and a user together: exactly two Agents, not "
                                + members.size());
            }
        }
    }

    /** The identifiers present, each checked for its format. */
    private List<String> ifis(JsonNode node, String path) {
        List<String> present = new ArrayList<>();
        for (String ifi : IFIS) {
            if (node.hasNonNull(ifi)) {
                present.add(ifi);
            }
        }
        checks.formatted(node, "mbox", path, "mbox-mailto-iri", "Data 2.4.2.3", XapiFormats::mailto);
        checks.formatted(node, "mbox_sha1sum", path, "mbox-sha1sum-hex", "Data 2.4.2.3", XapiFormats::sha1);
        checks.formatted(node, "openid", path, "openid-uri", "Data 2.4.2.3", XapiFormats::iri);
        JsonNode account = node.get("account");
        if (account != null && !account.isNull()) {
            account(account, StatementChecks.at(path, "account"));
        }
        return present;
    }

    private void account(JsonNode account, String path) {
        if (!checks.object(account, path, "an account {homePage, name}", "Data 2.4.2.4")) {
            return;
        }
        checks.keys(account, path, ACCOUNT_KEYS, "an account", "Data 2.4.2.4");
        if (!account.has("homePage")) {
            checks.add(
                    StatementChecks.at(path, "homePage"),
                    "account-home-page",
                    "Data 2.4.2.4.s2.table1.row1",
                    null,
                    "is missing; an account names the system it is on by its homePage IRL (such as"
                            + " https://lms.example.org)");
        } else {
            checks.formatted(
                    account,
                    "homePage",
                    path,
                    "account-home-page-irl",
                    "Data 2.4.2.4.s2.table1.row1",
                    XapiFormats::iri);
        }
        if (!account.has("name")) {
            checks.add(
                    StatementChecks.at(path, "name"),
                    "account-name",
                    "Data 2.4.2.4.s2.table1.row2",
                    null,
                    "is missing; an account needs the name (login or id) the learner has on that system");
        } else {
            String name = checks.string(account, "name", path, "Data 2.4.2.4.s2.table1.row2");
            if (name != null && name.isEmpty()) {
                checks.add(
                        StatementChecks.at(path, "name"),
                        "account-name",
                        "Data 2.4.2.4.s2.table1.row2",
                        "",
                        "is empty; an account needs the name the learner has on that system");
            }
        }
    }
}
