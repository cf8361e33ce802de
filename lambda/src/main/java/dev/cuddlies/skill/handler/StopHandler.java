package dev.cuddlies.skill.handler;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.impl.IntentRequestHandler;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import dev.cuddlies.skill.DeviceTime;
import dev.cuddlies.skill.Messages;
import dev.cuddlies.skill.WarmthMessages;
import dev.cuddlies.warmth.WarmthService;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * AMAZON.StopIntent and AMAZON.CancelIntent: say goodbye and end the session. While the cuddlie is
 * warming, the goodbye says so, until when, and how to stop it ("stop" ends the conversation, not
 * the heater: "turn it off" does that).
 */
public final class StopHandler implements IntentRequestHandler {

    public static final Set<String> INTENTS = Set.of("AMAZON.StopIntent", "AMAZON.CancelIntent");

    private final Optional<WarmthService> warmth;
    private final Clock clock;

    public StopHandler(Optional<WarmthService> warmth, Clock clock) {
        this.warmth = warmth;
        this.clock = clock;
    }

    @Override
    public boolean canHandle(HandlerInput input, IntentRequest request) {
        return INTENTS.contains(request.getIntent().getName());
    }

    @Override
    public Optional<Response> handle(HandlerInput input, IntentRequest request) {
        Optional<Instant> until = warmth.flatMap(WarmthService::warmingUntil);
        String speech = until.map(u -> WarmthMessages.goodbyeWhileWarming(u, DeviceTime.when(input, clock)))
                .orElse(Messages.GOODBYE);
        return input.getResponseBuilder().withSpeech(speech).withShouldEndSession(true).build();
    }
}
