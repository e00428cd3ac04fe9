package dev.pathwise.api.demo;

import dev.pathwise.api.tenant.ApiKeys;
import dev.pathwise.api.tenant.Role;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Prints where the service listens (the real port) and, when the demo district is there, its keys. */
@Component
public class StartupAnnouncement {

    private final JdbcClient jdbc;

    public StartupAnnouncement(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    public void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String url = "http://localhost:" + web.getWebServer().getPort();
        StringBuilder text = new StringBuilder()
                .append("\n================================================================\n")
                .append(" Pathwise is running at ")
                .append(url)
                .append('\n')
                .append(" Console:    ")
                .append(url)
                .append("/  (sign in with an API key)\n")
                .append(" OpenAPI:    ")
                .append(url)
                .append("/v3/api-docs\n")
                .append(" Swagger UI: ")
                .append(url)
                .append("/swagger-ui.html\n")
                .append(" Health:     ")
                .append(url)
                .append("/actuator/health\n");
        if (demoKeysValid()) {
            text.append(" Demo tenant '").append(DemoDistrict.TENANT).append("', header X-Api-Key:\n");
            DemoDistrict.KEYS.forEach((role, key) -> text.append(String.format("   %-10s %s%n", role.label(), key)));
            text.append(String.format(
                    "   %-10s %s (Ana Rivera, teacher of class %s only)%n",
                    "rivera", WellKnownKeys.RIVERA, DemoClasses.CLASS));
        }
        text.append("================================================================");
        System.out.println(text);
    }

    private boolean demoKeysValid() {
        Map.Entry<Role, String> admin = Map.entry(Role.ADMIN, DemoDistrict.KEYS.get(Role.ADMIN));
        return jdbc.sql("select count(*) from api_keys where key_hash = :h and tenant_id = :t")
                        .param("h", ApiKeys.hash(admin.getValue()))
                        .param("t", DemoDistrict.TENANT)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
