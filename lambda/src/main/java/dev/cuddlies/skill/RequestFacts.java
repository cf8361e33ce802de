package dev.cuddlies.skill;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Context;
import com.amazon.ask.model.interfaces.system.SystemState;
import dev.cuddlies.maker.CuddlieMaker;

import java.util.Locale;
import java.util.Optional;

/** Small readers of the request envelope that several handlers need. */
public final class RequestFacts {

    private RequestFacts() {
    }

    public static String userId(HandlerInput input) {
        SystemState system = input.getRequestEnvelope().getContext().getSystem();
        if (system != null && system.getUser() != null) {
            return system.getUser().getUserId();
        }
        return input.getRequestEnvelope().getSession().getUser().getUserId();
    }

    public static Locale locale(HandlerInput input) {
        String tag = input.getRequestEnvelope().getRequest().getLocale();
        return tag == null ? Locale.US : Locale.forLanguageTag(tag);
    }

    public static boolean supportsApl(HandlerInput input) {
        Context context = input.getRequestEnvelope().getContext();
        return context != null && context.getSystem() != null && context.getSystem().getDevice() != null
                && context.getSystem().getDevice().getSupportedInterfaces() != null
                && context.getSystem().getDevice().getSupportedInterfaces().getAlexaPresentationAPL() != null;
    }

    /** Speech sent while the slow part runs (Alexa's progressive response), best effort. */
    public static CuddlieMaker.Progress progressiveResponse(HandlerInput input) {
        return new ProgressiveResponse(input);
    }

    /** The slot's first resolved value id (e.g. BIG for "large"), or its spoken value. */
    public static Optional<String> slotId(HandlerInput input, String slot) {
        var request = (com.amazon.ask.model.IntentRequest) input.getRequestEnvelope().getRequest();
        if (request.getIntent().getSlots() == null || request.getIntent().getSlots().get(slot) == null) {
            return Optional.empty();
        }
        var s = request.getIntent().getSlots().get(slot);
        if (s.getResolutions() != null && s.getResolutions().getResolutionsPerAuthority() != null) {
            for (var authority : s.getResolutions().getResolutionsPerAuthority()) {
                if (authority.getValues() != null && !authority.getValues().isEmpty()) {
                    return Optional.of(authority.getValues().get(0).getValue().getId());
                }
            }
        }
        return Optional.ofNullable(s.getValue()).filter(v -> !v.isBlank());
    }

    public static Optional<String> slotValue(HandlerInput input, String slot) {
        var request = (com.amazon.ask.model.IntentRequest) input.getRequestEnvelope().getRequest();
        if (request.getIntent().getSlots() == null || request.getIntent().getSlots().get(slot) == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(request.getIntent().getSlots().get(slot).getValue()).filter(v -> !v.isBlank());
    }
}
