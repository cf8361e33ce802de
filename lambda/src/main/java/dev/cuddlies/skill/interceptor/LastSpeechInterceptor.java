package dev.cuddlies.skill.interceptor;

import com.amazon.ask.dispatcher.request.interceptor.ResponseInterceptor;
import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.amazon.ask.model.ui.SsmlOutputSpeech;
import dev.cuddlies.skill.ConversationState;

import java.util.Optional;

/** Keeps each answer in the session so that "say that again" can repeat it. */
public final class LastSpeechInterceptor implements ResponseInterceptor {

    @Override
    public void process(HandlerInput input, Optional<Response> response) {
        if (input.getRequestEnvelope().getSession() == null || response.isEmpty()) {
            return;
        }
        if (response.get().getOutputSpeech() instanceof SsmlOutputSpeech ssml) {
            ConversationState.of(input).lastSpeech(ssml.getSsml());
        }
    }
}
