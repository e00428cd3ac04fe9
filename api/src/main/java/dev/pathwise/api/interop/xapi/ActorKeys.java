package dev.pathwise.api.interop.xapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The keys an xAPI Agent is mapped by: {@code account:<homePage>|<name>}, {@code mbox:mailto:<address>} (lower
 * case), {@code mbox_sha1sum:<hex>} and {@code openid:<uri>}; the same keys are used in {@code PUT /v1/xapi/actors}.
 */
final class ActorKeys {

    private ActorKeys() {
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
