package dev.pathwise.api.datadir;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Another process holding a data directory's H2 database, as a running Pathwise does: opens it, prints
 * {@code open}, and keeps it open until its standard input closes.
 */
public final class HoldsH2Database {

    private HoldsH2Database() {}

    public static void main(String[] args) throws Exception {
        try (Connection connection =
                DriverManager.getConnection("jdbc:h2:file:" + args[0] + "/pathwise;MODE=PostgreSQL", "sa", "")) {
            connection.isValid(1);
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // held until the test closes our input
            }
        }
    }
}
