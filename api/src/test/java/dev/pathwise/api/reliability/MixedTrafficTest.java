package dev.pathwise.api.reliability;

import dev.pathwise.api.testing.Http;
import dev.pathwise.api.testing.TestDistrict;
import org.junit.jupiter.api.Test;

/**
 * Batch and single-evidence clients on the same learners at once (H2 file database): every acknowledged evidence is
 * counted in its learner's state, which equals a fresh replay. The same on PostgreSQL through two instances:
 * {@link PostgresInstancesTest}.
 */
class MixedTrafficTest extends ReliabilityStack {

    @Test
    void batchAndSingleClientsOnTheSameLearnersLoseNothingAndMatchTheReplay() throws Exception {
        Http http = http();
        MixedTraffic traffic = new MixedTraffic(http, TestDistrict.marked(context, http), 5);
        MixedTraffic.Outcome outcome = traffic.run(
                Integer.getInteger("mixed.batchClients", 3),
                Integer.getInteger("mixed.batches", 10),
                30,
                Integer.getInteger("mixed.singleClients", 3),
                Integer.getInteger("mixed.singles", 100));
        System.out.println("Mixed traffic (H2): " + outcome.requests() + " requests, "
                + outcome.acknowledged().size() + " evidence acknowledged");
        MixedTraffic.assertHolds(traffic, outcome);
    }
}
