package dev.cuddlies.skill;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.interceptor.ResponseInterceptor;
import com.amazon.ask.model.Response;
import com.amazon.ask.model.services.directive.Header;
import com.amazon.ask.model.services.directive.SendDirectiveRequest;
import com.amazon.ask.model.services.directive.SpeakDirective;
import dev.cuddlies.maker.CuddlieMaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Speaks while the slow part runs, through Alexa's directive service. The call goes out on another
 * thread, so its connection set-up (TLS to the Alexa API, slow in a fresh container) overlaps the
 * tracing instead of delaying it; {@link #awaitSent} holds the final answer back until the directive
 * has gone, because Alexa ignores one that arrives after the response. Best effort: when the request
 * has no API endpoint (the local console) or the call fails, the skill carries on silently.
 */
final class ProgressiveResponse implements CuddlieMaker.Progress {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressiveResponse.class);
    private static final String PENDING = ProgressiveResponse.class.getName() + ".pending";

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
        SendDirectiveRequest directive = SendDirectiveRequest.builder()
                .withHeader(Header.builder().withRequestId(input.getRequestEnvelope().getRequest().getRequestId()).build())
                .withDirective(SpeakDirective.builder().withSpeech("<speak>" + speech + "</speak>").build())
                .build();
        CompletableFuture<Void> sent = CompletableFuture.runAsync(
                () -> input.getServiceClientFactory().getDirectiveService().enqueue(directive));
        input.getAttributesManager().getRequestAttributes().put(PENDING, sent);
    }

    /** Holds each answer back (at most the API timeout) until its progressive response has gone. */
    static final class AwaitSent implements ResponseInterceptor {
        private final Duration limit;

        AwaitSent(Duration limit) {
            this.limit = limit;
        }

        @Override
        public void process(HandlerInput input, Optional<Response> response) {
            awaitSent(input, limit);
        }
    }

    /** Waits (at most {@code limit}) for a directive this request sent; never throws. */
    static void awaitSent(HandlerInput input, Duration limit) {
        Object pending = input.getAttributesManager().getRequestAttributes().get(PENDING);
        if (!(pending instanceof CompletableFuture<?> sent)) {
            return;
        }
        try {
            sent.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            LOG.warn("progressive response not sent: {}", e.getCause().getClass().getSimpleName());
        } catch (TimeoutException e) {
            LOG.warn("progressive response not sent in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
