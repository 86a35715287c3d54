package dev.ec2inventory.local.dataapi.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why recent transactions ended, so that a later call naming one gets the reason the service appends to
 * "Transaction ... isn't found". Bounded: the oldest are forgotten, and a forgotten or never-issued id reads as
 * possibly expired, as the service says for those too.
 */
final class EndedTransactions {

    enum Reason {
        ENDED("One previous call resulted in a termination of your transaction."),
        EXPIRED("Transaction may be expired."),
        ABORTED("Transaction has been aborted due to an error from a previous call.");

        private final String explanation;

        Reason(String explanation) {
            this.explanation = explanation;
        }

        String explanation() {
            return explanation;
        }
    }

    private static final int REMEMBERED = 10_000;

    private final Map<String, Reason> reasons = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Reason> eldest) {
            return size() > REMEMBERED;
        }
    };

    synchronized void remember(String transactionId, Reason reason) {
        reasons.put(transactionId, reason);
    }

    synchronized Reason reasonFor(String transactionId) {
        return reasons.getOrDefault(transactionId, Reason.EXPIRED);
    }
}
