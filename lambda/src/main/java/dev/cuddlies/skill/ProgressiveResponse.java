package dev.cuddlies.skill;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.services.directive.Header;
import com.amazon.ask.model.services.directive.SendDirectiveRequest;
import com.amazon.ask.model.services.directive.SpeakDirective;
import dev.cuddlies.maker.CuddlieMaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speaks while the slow part runs, through Alexa's directive service. Best effort: when the request
 * has no API endpoint (the local console) or the call fails, the skill carries on silently.
 */
final class ProgressiveResponse implements CuddlieMaker.Progress {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressiveResponse.class);

    private final HandlerInput input;

    ProgressiveResponse(HandlerInput input) {
        this.input = input;
    }

    @Override
    public void say(String speech) {
        var system = input.getRequestEnvelope().getContext().getSystem();
        if (system == null || system.getApiEndpoint() == null || system.getApiAccessToken() == null
                || input.getServiceClientFactory() == null) {
            return;
        }
        try {
            input.getServiceClientFactory().getDirectiveService().enqueue(SendDirectiveRequest.builder()
                    .withHeader(Header.builder().withRequestId(input.getRequestEnvelope().getRequest().getRequestId()).build())
                    .withDirective(SpeakDirective.builder().withSpeech("<speak>" + speech + "</speak>").build())
                    .build());
        } catch (RuntimeException e) {
            LOG.warn("progressive response not sent: {}", e.getClass().getSimpleName());
        }
    }
}
