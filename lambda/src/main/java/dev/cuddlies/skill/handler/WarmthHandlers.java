package dev.cuddlies.skill.handler;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.impl.IntentRequestHandler;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import dev.cuddlies.skill.DeviceTime;
import dev.cuddlies.skill.RequestFacts;
import dev.cuddlies.skill.WarmthMessages;
import dev.cuddlies.warmth.Reading;
import dev.cuddlies.warmth.ReadingLog;
import dev.cuddlies.warmth.WarmRequest;
import dev.cuddlies.warmth.WarmupEstimate;
import dev.cuddlies.warmth.WarmthOutcome;
import dev.cuddlies.warmth.WarmthService;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The three warmth intents; each reads slots, calls the warmth core and says what actually happens. */
public final class WarmthHandlers {

    public static final String WARM_UP = "WarmUpIntent";
    public static final String STOP_WARMING = "StopWarmingIntent";
    public static final String STATUS = "WarmthStatusIntent";
    public static final String TIME_TO_WARM = "TimeToWarmIntent";

    private WarmthHandlers() {
    }

    /** "warm it up", "warm my cuddlie to 36 degrees", "warm it for 20 minutes". */
    public static IntentRequestHandler warmUp(Optional<WarmthService> warmth, ReadingLog log, Clock clock) {
        return new Handler(WARM_UP, warmth, log, clock, (input) -> {
            // A number Alexa could not resolve ("?") or NaN reaches the policy as not finite: it asks again.
            Optional<Double> degrees = RequestFacts.slotValue(input, "temperature").map(WarmthHandlers::number);
            Optional<Duration> duration = RequestFacts.slotValue(input, "duration").flatMap(WarmthHandlers::duration);
            boolean us = Locale.US.equals(RequestFacts.locale(input));
            return service -> service.warmUp(new WarmRequest(degrees, duration, us));
        });
    }

    /** "turn it off", "stop warming". */
    public static IntentRequestHandler stop(Optional<WarmthService> warmth, ReadingLog log, Clock clock) {
        return new Handler(STOP_WARMING, warmth, log, clock, input -> WarmthService::stop);
    }

    /** "how warm is my cuddlie", "is it on". */
    public static IntentRequestHandler status(Optional<WarmthService> warmth, ReadingLog log, Clock clock) {
        return new Handler(STATUS, warmth, log, clock, input -> WarmthService::status);
    }

    /** "how long until it's warm": an estimate from the readings heard so far, or that it can't tell. */
    public static IntentRequestHandler timeToWarm(Optional<WarmthService> warmth, ReadingLog log, Clock clock) {
        return new Handler(TIME_TO_WARM, warmth, log, clock, input -> WarmthService::status) {
            @Override
            String say(WarmthOutcome outcome, List<Reading> readings, WarmthMessages.When when) {
                Optional<Duration> estimate = outcome instanceof WarmthOutcome.On on
                        ? WarmupEstimate.until(readings, on.targetC()) : Optional.empty();
                return WarmthMessages.timeToWarm(outcome, estimate, when);
            }
        };
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Optional<Duration> duration(String iso) {
        try {
            return Optional.of(Duration.parse(iso));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static class Handler implements IntentRequestHandler {
        private final String intent;
        private final Optional<WarmthService> warmth;
        private final ReadingLog log;
        private final Clock clock;
        private final Function<HandlerInput, Function<WarmthService, WarmthOutcome>> command;

        Handler(String intent, Optional<WarmthService> warmth, ReadingLog log, Clock clock,
                Function<HandlerInput, Function<WarmthService, WarmthOutcome>> command) {
            this.intent = intent;
            this.warmth = warmth;
            this.log = log;
            this.clock = clock;
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
            // Readings heard in answers are remembered for "how long until it's warm".
            Optional<Reading> heard = outcome instanceof WarmthOutcome.Warming w ? w.reading()
                    : outcome instanceof WarmthOutcome.On on ? on.reading() : Optional.empty();
            List<Reading> readings = heard.map(log::add).orElse(List.of());
            String speech = say(outcome, readings, DeviceTime.when(input, clock));
            if (outcome instanceof WarmthOutcome.UnclearDegrees) {
                return input.getResponseBuilder().withSpeech(speech)
                        .withReprompt("Which temperature would you like? For example: warm it to 36 degrees.")
                        .withShouldEndSession(false).build();
            }
            return input.getResponseBuilder().withSpeech(speech).withShouldEndSession(true).build();
        }

        String say(WarmthOutcome outcome, List<Reading> readings, WarmthMessages.When when) {
            return WarmthMessages.say(outcome, when);
        }

        @Override
        public String toString() {
            return intent + " handler";
        }
    }
}
