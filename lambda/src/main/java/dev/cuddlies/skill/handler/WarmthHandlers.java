package dev.cuddlies.skill.handler;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.impl.IntentRequestHandler;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import dev.cuddlies.skill.RequestFacts;
import dev.cuddlies.skill.WarmthMessages;
import dev.cuddlies.warmth.WarmRequest;
import dev.cuddlies.warmth.WarmthOutcome;
import dev.cuddlies.warmth.WarmthService;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The three warmth intents; each reads slots, calls the warmth core and says what actually happens. */
public final class WarmthHandlers {

    public static final String WARM_UP = "WarmUpIntent";
    public static final String STOP_WARMING = "StopWarmingIntent";
    public static final String STATUS = "WarmthStatusIntent";

    private WarmthHandlers() {
    }

    /** "warm it up", "warm my cuddlie to 36 degrees", "warm it for 20 minutes". */
    public static IntentRequestHandler warmUp(Optional<WarmthService> warmth) {
        return new Handler(WARM_UP, warmth, (input) -> {
            Optional<Double> degrees = RequestFacts.slotValue(input, "temperature").flatMap(WarmthHandlers::number);
            Optional<Duration> duration = RequestFacts.slotValue(input, "duration").flatMap(WarmthHandlers::duration);
            boolean us = Locale.US.equals(RequestFacts.locale(input));
            return service -> service.warmUp(new WarmRequest(degrees, duration, us));
        });
    }

    /** "turn it off", "stop warming". */
    public static IntentRequestHandler stop(Optional<WarmthService> warmth) {
        return new Handler(STOP_WARMING, warmth, input -> WarmthService::stop);
    }

    /** "how warm is my cuddlie", "is it on". */
    public static IntentRequestHandler status(Optional<WarmthService> warmth) {
        return new Handler(STATUS, warmth, input -> WarmthService::status);
    }

    private static Optional<Double> number(String s) {
        try {
            return Optional.of(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> duration(String iso) {
        try {
            return Optional.of(Duration.parse(iso));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static final class Handler implements IntentRequestHandler {
        private final String intent;
        private final Optional<WarmthService> warmth;
        private final Function<HandlerInput, Function<WarmthService, WarmthOutcome>> command;

        Handler(String intent, Optional<WarmthService> warmth,
                Function<HandlerInput, Function<WarmthService, WarmthOutcome>> command) {
            this.intent = intent;
            this.warmth = warmth;
            this.command = command;
        }

        @Override
        public boolean canHandle(HandlerInput input, IntentRequest request) {
            return request.getIntent().getName().equals(intent);
        }

        @Override
        public Optional<Response> handle(HandlerInput input, IntentRequest request) {
            if (warmth.isEmpty()) {
                return input.getResponseBuilder().withSpeech(WarmthMessages.NO_HEATER).withShouldEndSession(true).build();
            }
            WarmthOutcome outcome = command.apply(input).apply(warmth.get());
            return input.getResponseBuilder().withSpeech(WarmthMessages.say(outcome, RequestFacts.locale(input)))
                    .withShouldEndSession(true).build();
        }

        @Override
        public String toString() {
            return intent + " handler";
        }
    }
}
