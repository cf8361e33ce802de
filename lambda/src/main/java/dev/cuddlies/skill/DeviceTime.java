package dev.cuddlies.skill;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The Echo's time zone from Alexa's settings API ({@code GET /v2/devices/{deviceId}/settings/System.timeZone},
 * no permission needed), so warmth answers can say "until 8:40". Best effort within the API
 * client's short timeout: without it, times are said as minutes from now.
 */
public final class DeviceTime {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceTime.class);

    private DeviceTime() {
    }

    public static WarmthMessages.When when(HandlerInput input, Clock clock) {
        return new WarmthMessages.When(clock.instant(), zone(input), RequestFacts.locale(input));
    }

    private static Optional<ZoneId> zone(HandlerInput input) {
        try {
            var system = input.getRequestEnvelope().getContext().getSystem();
            if (system == null || system.getApiAccessToken() == null || system.getDevice() == null) {
                return Optional.empty();
            }
            return Optional.of(ZoneId.of(input.getServiceClientFactory().getUpsService()
                    .getSystemTimeZone(system.getDevice().getDeviceId())));
        } catch (RuntimeException e) { // ServiceException, a bad zone id, no API endpoint in the request
            LOG.debug("no device time zone: {}", e.toString());
            return Optional.empty();
        }
    }
}
