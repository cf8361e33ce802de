package dev.cuddlies.skill.interceptor;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.interceptor.RequestInterceptor;
import com.amazon.ask.dispatcher.request.interceptor.ResponseInterceptor;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Request;
import com.amazon.ask.model.Response;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * One JSON line per request and per response, with the request id to join them. No personal data:
 * no user or device id, no slot values, no speech text (only its length).
 */
public final class LoggingInterceptor implements RequestInterceptor, ResponseInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger("dev.cuddlies.skill.requests");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void process(HandlerInput input) {
        Request request = input.getRequestEnvelope().getRequest();
        ObjectNode line = JSON.createObjectNode();
        line.put("event", "request");
        line.put("requestId", request.getRequestId());
        line.put("type", request.getType());
        if (request instanceof IntentRequest intent) {
            line.put("intent", intent.getIntent().getName());
        }
        line.put("locale", request.getLocale());
        LOG.info(line.toString());
    }

    @Override
    public void process(HandlerInput input, Optional<Response> output) {
        ObjectNode line = JSON.createObjectNode();
        line.put("event", "response");
        line.put("requestId", input.getRequestEnvelope().getRequest().getRequestId());
        output.ifPresent(r -> {
            line.put("speechChars", r.getOutputSpeech() == null ? 0 : r.getOutputSpeech().toString().length());
            line.put("card", r.getCard() == null ? null : r.getCard().getType());
            var directives = line.putArray("directives");
            if (r.getDirectives() != null) {
                r.getDirectives().forEach(d -> directives.add(d.getType()));
            }
            line.put("shouldEndSession", r.getShouldEndSession());
        });
        LOG.info(line.toString());
    }
}
