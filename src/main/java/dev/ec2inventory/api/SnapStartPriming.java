package dev.ec2inventory.api;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart's runtime hooks for one function's wiring. Lambda's Java runtime calls {@link #beforeCheckpoint} once the
 * init phase is over and just before it snapshots the execution environment, and {@link #afterRestore} in every
 * sandbox restored from that snapshot; outside SnapStart neither is ever called.
 *
 * <p>Before the snapshot it runs the wiring's preparation step again: every statement rendered and rehearsed, a
 * sample request of every route answered, so the restored sandboxes find the request path loaded. The
 * step keeps nothing unique to a sandbox (it resolves no credentials, opens no connection, begins no trace segment and
 * generates no id: {@code SnapStartPrimingTest}), so there is nothing for {@link #afterRestore} to refresh: the
 * credentials are resolved, and the connection opened, by each sandbox's first real call.
 */
final class SnapStartPriming implements Resource {

    private final Runnable preparation;

    /** Hooks only their creator calls: {@link #register} gives them to Lambda's runtime. */
    SnapStartPriming(Runnable preparation) {
        this.preparation = preparation;
    }

    /**
     * Registers the hooks with the global CRaC context, the one Lambda's runtime calls. The context holds resources
     * weakly: the caller keeps the returned hooks for as long as the function lives.
     */
    static SnapStartPriming register(Runnable preparation) {
        SnapStartPriming hooks = new SnapStartPriming(preparation);
        Core.getGlobalContext().register(hooks);
        return hooks;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        preparation.run();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing unique to a sandbox was kept before the snapshot (see the class comment).
    }
}
