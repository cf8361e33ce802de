package dev.cuddlies.warmth.switches;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Which switch driver the deployment uses, and its settings, from the environment:
 * {@code CUDDLIES_SWITCH_DRIVER} = none | ifttt | ewelink | lan, with
 * IFTTT: {@code CUDDLIES_IFTTT_KEY} ({@code CUDDLIES_IFTTT_URL} to override the host);
 * eWeLink: {@code CUDDLIES_EWELINK_REGION, _APP_ID, _APP_SECRET, _ACCESS_TOKEN, _REFRESH_TOKEN, _DEVICE_ID}
 * ({@code CUDDLIES_EWELINK_URL} to override the host);
 * LAN: {@code CUDDLIES_SONOFF_URL} (http://ip:8081) and {@code CUDDLIES_SONOFF_DEVICE_ID};
 * Tasmota over AWS IoT: {@code CUDDLIES_TASMOTA_TOPIC}, {@code CUDDLIES_IOT_THING}, optionally
 * {@code CUDDLIES_IOT_ENDPOINT} (the account's data endpoint) and {@code AWS_REGION}.
 * Secrets come in through the environment (filled from SSM / Secrets Manager) and are never logged.
 */
public record SwitchConfig(String driver, Map<String, String> settings) {

    public static SwitchConfig none() {
        return new SwitchConfig("none", Map.of());
    }

    public static SwitchConfig fromEnv(Map<String, String> env) {
        return new SwitchConfig(env.getOrDefault("CUDDLIES_SWITCH_DRIVER", "none").trim().toLowerCase(java.util.Locale.ROOT),
                Map.copyOf(env));
    }

    /** The driver, or empty for "none". @throws IllegalStateException naming a missing setting */
    public Optional<SwitchDriver> build(Clock clock) {
        return switch (driver) {
            case "none", "" -> Optional.empty();
            case "ifttt" -> Optional.of(new IftttDriver(URI.create(get("CUDDLIES_IFTTT_URL", "https://maker.ifttt.com")),
                    require("CUDDLIES_IFTTT_KEY")));
            case "ewelink" -> Optional.of(new EwelinkDriver(
                    settings.containsKey("CUDDLIES_EWELINK_URL") ? URI.create(settings.get("CUDDLIES_EWELINK_URL"))
                            : EwelinkDriver.regionalHost(require("CUDDLIES_EWELINK_REGION")),
                    require("CUDDLIES_EWELINK_APP_ID"), require("CUDDLIES_EWELINK_APP_SECRET"),
                    require("CUDDLIES_EWELINK_DEVICE_ID"),
                    new EwelinkTokens(require("CUDDLIES_EWELINK_ACCESS_TOKEN"), require("CUDDLIES_EWELINK_REFRESH_TOKEN")),
                    clock));
            case "lan" -> Optional.of(new LanDriver(URI.create(require("CUDDLIES_SONOFF_URL")),
                    require("CUDDLIES_SONOFF_DEVICE_ID"), clock));
            case "tasmota" -> Optional.of(new TasmotaIotDriver(iotClient(), require("CUDDLIES_TASMOTA_TOPIC"),
                    require("CUDDLIES_IOT_THING")));
            default -> throw new IllegalStateException("CUDDLIES_SWITCH_DRIVER '" + driver
                    + "' is not a driver; use none, ifttt, ewelink, lan or tasmota");
        };
    }

    private IotDataPlaneClient iotClient() {
        var b = IotDataPlaneClient.builder().region(Region.of(get("AWS_REGION", "us-east-1")))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(java.time.Duration.ofMillis(800))
                        .socketTimeout(java.time.Duration.ofSeconds(3)))
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        if (settings.containsKey("CUDDLIES_IOT_ENDPOINT")) {
            b.endpointOverride(URI.create(settings.get("CUDDLIES_IOT_ENDPOINT")));
        }
        return b.build();
    }

    private String require(String name) {
        String v = settings.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(name + " is not set (needed by the " + driver + " switch driver)");
        }
        return v;
    }

    private String get(String name, String otherwise) {
        String v = settings.get(name);
        return v == null || v.isBlank() ? otherwise : v;
    }

    @Override
    public String toString() {
        return "SwitchConfig[driver=" + driver + "]"; // settings hold secrets
    }
}
