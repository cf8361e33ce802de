package dev.cuddlies.warmth.switches;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import software.amazon.awssdk.services.iotdataplane.model.ResourceNotFoundException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** {@link IotData} through the AWS SDK's {@code IotDataPlaneClient}: {@code Publish} and {@code GetThingShadow}. */
public final class AwsIotData implements IotData {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

    private final IotDataPlaneClient iot;

    public AwsIotData(IotDataPlaneClient iot) {
        this.iot = iot;
    }

    @Override
    public void publish(String topic, String payload) throws DeviceException {
        try {
            iot.publish(r -> r.topic(topic).qos(1).payload(SdkBytes.fromString(payload, StandardCharsets.UTF_8))
                    .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT)));
        } catch (SdkException e) {
            throw translate(e, "publish to " + topic);
        }
    }

    @Override
    public Optional<String> shadow(String thing) throws DeviceException {
        try {
            return Optional.of(iot.getThingShadow(r -> r.thingName(thing)
                    .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT))).payload().asUtf8String());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw translate(e, "read the thing shadow");
        }
    }

    private static DeviceException translate(SdkException e, String what) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new DeviceException(DeviceException.Kind.TIMEOUT, "AWS IoT did not answer in time to " + what, e);
        }
        return new DeviceException(DeviceException.Kind.OFFLINE, "AWS IoT failed to " + what, e);
    }
}
