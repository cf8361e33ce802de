package dev.cuddlies.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.Services;
import dev.cuddlies.warmth.WarmthService;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The warmth control loop in Lambda ({@code dev.cuddlies.aws.WarmthTickHandler::handleRequest}),
 * called every minute by a schedule: one {@link WarmthService#tick()} per call, which never throws
 * (every fault ends with the heater off and is logged), so the schedule keeps running. It builds only
 * what a control step uses (storage and the switch), once per container.
 */
public final class WarmthTickHandler implements RequestHandler<Map<String, Object>, String> {

    private final Optional<WarmthService> warmth;

    /** For Lambda: configuration from the environment. */
    public WarmthTickHandler() {
        this(AppConfig.fromEnv(System.getenv()), Clock.systemUTC());
    }

    WarmthTickHandler(AppConfig config, Clock clock) {
        this.warmth = Services.warmth(config, Services.store(config), Services.secrets(config, clock), clock);
    }

    @Override
    public String handleRequest(Map<String, Object> scheduledEvent, Context context) {
        return warmth.map(w -> w.tick().name()).orElse("NO_SWITCH");
    }
}
