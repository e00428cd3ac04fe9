package dev.pathwise.api.interop.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The keys an xAPI Agent is mapped by: {@code account:<homePage>|<name>}, {@code mbox:mailto:<address>} (lower
 * case), {@code mbox_sha1sum:<hex>} and {@code openid:<uri>}; the same keys are used in {@code PUT /v1/xapi/actors}.
 */
final class ActorKeys {

    private ActorKeys() {}

    /** Null when the key has one of the four forms, its identifier well formed; else what is wrong. */
    static String problem(String key) {
        int colon = key.indexOf(':');
        String kind = colon < 0 ? "" : key.substring(0, colon);
        String value = colon < 0 ? "" : key.substring(colon + 1);
        String wrong = switch (kind) {
            case "mbox" -> XapiFormats.mailto(value);
            case "mbox_sha1sum" -> XapiFormats.sha1(value);
            case "openid" -> XapiFormats.iri(value);
            case "account" -> {
                int bar = value.lastIndexOf('|');
                if (bar <= 0 || bar == value.length() - 1) {
                    yield "an account key is account:<homePage>|<name>, such as account:https://lms.example.org|nia";
                }
                String home = XapiFormats.iri(value.substring(0, bar));
                yield home != null ? "homePage " + home : invisible(value.substring(bar + 1));
            }
            default ->
                "'" + XapiFormats.shown(key) + "' is not an actor key; use account:<homePage>|<name>,"
                        + " mbox:mailto:<address>, mbox_sha1sum:<hex> or openid:<uri>";
        };
        if (wrong == null && key.length() > 700) {
            wrong = key.length() + " characters is longer than the limit of 700";
        }
        return wrong;
    }

    private static String invisible(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return "the account name holds an invisible character (U+" + String.format("%04X", (int) c)
                        + " at position " + i + ")";
            }
        }
        return null;
    }

    static List<String> of(JsonNode agent) {
        List<String> keys = new ArrayList<>(2);
        JsonNode account = agent.path("account");
        String homePage = StatementReader.text(account, "homePage");
        String name = StatementReader.text(account, "name");
        if (name != null) {
            keys.add("account:" + (homePage == null ? "" : homePage) + "|" + name);
        }
        String mbox = StatementReader.text(agent, "mbox");
        if (mbox != null) {
            String address = mbox.toLowerCase(Locale.ROOT);
            keys.add("mbox:" + (address.startsWith("mailto:") ? address : "mailto:" + address));
        }
        String sha1 = StatementReader.text(agent, "mbox_sha1sum");
        if (sha1 != null) {
            keys.add("mbox_sha1sum:" + sha1.toLowerCase(Locale.ROOT));
        }
        String openid = StatementReader.text(agent, "openid");
        if (openid != null) {
            keys.add("openid:" + openid);
        }
        return keys;
    }
}
