package dev.cuddlies.skill.handler;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.impl.IntentRequestHandler;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import dev.cuddlies.skill.Messages;
import dev.cuddlies.skill.RequestFacts;
import dev.cuddlies.skill.WarmthMessages;
import dev.cuddlies.warmth.WarmthOutcome;
import dev.cuddlies.warmth.WarmthService;

import java.util.Optional;
import java.util.Set;

/**
 * AMAZON.StopIntent and AMAZON.CancelIntent end the conversation, never the warming: while the heater is
 * on, the goodbye says it is still warming and how to stop it ("stop warming").
 */
public final class StopHandler implements IntentRequestHandler {

    public static final Set<String> INTENTS = Set.of("AMAZON.StopIntent", "AMAZON.CancelIntent");

    private final Optional<WarmthService> warmth;

    public StopHandler(Optional<WarmthService> warmth) {
        this.warmth = warmth;
    }

    @Override
    public boolean canHandle(HandlerInput input, IntentRequest request) {
        return INTENTS.contains(request.getIntent().getName());
    }

    @Override
    public Optional<Response> handle(HandlerInput input, IntentRequest request) {
        Optional<WarmthOutcome.On> on = warmth.map(WarmthService::status)
                .filter(WarmthOutcome.On.class::isInstance).map(WarmthOutcome.On.class::cast);
        String speech = on.map(o -> WarmthMessages.stillWarming(o, RequestFacts.locale(input))).orElse(Messages.GOODBYE);
        return input.getResponseBuilder().withSpeech(speech).withShouldEndSession(true).build();
    }
}
