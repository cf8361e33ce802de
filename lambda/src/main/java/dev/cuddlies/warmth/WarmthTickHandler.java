package dev.cuddlies.warmth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.Services;
import dev.cuddlies.warmth.switches.SwitchConfig;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The warmth control loop in Lambda ({@code dev.cuddlies.warmth.WarmthTickHandler::handleRequest}),
 * called every minute by a schedule: one {@link WarmthService#tick()} per call. Built once per
 * container, like the skill.
 */
public final class WarmthTickHandler implements RequestHandler<Map<String, Object>, String> {

    private final Optional<WarmthService> warmth;

    public WarmthTickHandler() {
        AppConfig config = AppConfig.fromEnv(System.getenv());
        this.warmth = Services.create(config, SwitchConfig.fromEnv(System.getenv()), Clock.systemUTC()).warmth();
    }

    @Override
    public String handleRequest(Map<String, Object> scheduledEvent, Context context) {
        return warmth.map(w -> w.tick().name()).orElse("NO_SWITCH");
    }
}
