package dev.cuddlies.maker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuddlies.outline.Outline;
import dev.cuddlies.outline.OutlineException;
import dev.cuddlies.outline.OutlineJson;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.SageMakerRuntimeException;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * The outline from the SageMaker endpoint ({@code InvokeEndpoint}, {@code application/x-image}).
 * A picture the model refuses comes back as the model's own 4xx (a local server) or wrapped in a
 * 424 ModelError (SageMaker); both become an {@link OutlineException} with the model's reason.
 */
public final class SageMakerOutlineService implements OutlineService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, OutlineException.Reason> REASONS = Map.of(
            "not_an_image", OutlineException.Reason.NOT_AN_IMAGE,
            "corrupt_image", OutlineException.Reason.CORRUPT,
            "image_too_large", OutlineException.Reason.TOO_LARGE,
            "over_budget", OutlineException.Reason.OVER_BUDGET,
            "payload_too_large", OutlineException.Reason.TOO_LARGE,
            "image_too_small", OutlineException.Reason.TOO_SMALL,
            "no_figure", OutlineException.Reason.NO_FIGURE);

    private final SageMakerRuntimeClient client;
    private final String endpointName;

    public SageMakerOutlineService(SageMakerRuntimeClient client, String endpointName) {
        this.client = client;
        this.endpointName = endpointName;
    }

    @Override
    public Outline trace(byte[] picture, Duration timeout) throws OutlineException, ServiceException {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ServiceException("no time left to ask the outline endpoint", true, null);
        }
        InvokeEndpointResponse response;
        try {
            response = client.invokeEndpoint(r -> r.endpointName(endpointName).contentType("application/x-image")
                    .accept("application/json").body(SdkBytes.fromByteArrayUnsafe(picture))
                    .overrideConfiguration(o -> o.apiCallTimeout(timeout)));
        } catch (ModelErrorException e) {
            throw failure(e.originalStatusCode(), e.originalMessage(), e);
        } catch (SageMakerRuntimeException e) {
            String body = e.awsErrorDetails() == null || e.awsErrorDetails().rawResponse() == null ? ""
                    : e.awsErrorDetails().rawResponse().asUtf8String();
            throw failure(e.statusCode(), body, e);
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            throw new ServiceException("the outline endpoint did not answer within " + timeout.toMillis() + " ms", true, e);
        } catch (SdkException e) {
            throw new ServiceException("the outline endpoint could not be reached", false, e);
        }
        try {
            return OutlineJson.read(response.body().asUtf8String());
        } catch (IOException e) {
            throw new ServiceException("the outline endpoint answered something that is not an outline", false, e);
        }
    }

    /**
     * A 4xx carrying the model's own error JSON is the picture's fault (an {@link OutlineException}
     * thrown from here); anything else is the service's, returned for the caller to throw.
     */
    private static ServiceException failure(Integer status, String body, Throwable cause) throws OutlineException {
        if (status != null && status >= 400 && status < 500 && status != 429) {
            JsonNode error;
            try {
                error = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            } catch (IOException notJson) {
                error = JSON.createObjectNode();
            }
            OutlineException.Reason reason = REASONS.get(error.path("error").asText(""));
            if (reason != null) {
                throw new OutlineException(reason, error.path("message").asText("the picture was refused"));
            }
        }
        return new ServiceException("the outline endpoint failed (status " + status + ")",
                status != null && (status == 503 || status == 429), cause);
    }
}
