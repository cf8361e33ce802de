package dev.cuddlies.config;

import dev.cuddlies.warmth.switches.EwelinkDriver;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which heater switch the deployment uses and how to reach it, read once from configuration
 * ({@code CUDDLIES_SWITCH_DRIVER} = none | ifttt | ewelink | lan | tasmota). Each driver has its own
 * record holding only its settings; credentials are {@link Secret}s.
 */
public sealed interface SwitchSettings {

    /** A short name for logs ("lan", "ewelink"…). */
    String driver();

    /** No heater switch: the warmth intents explain that none is set up. */
    record None() implements SwitchSettings {
        public String driver() {
            return "none";
        }
    }

    /** IFTTT Webhooks ({@code CUDDLIES_IFTTT_KEY}; {@code CUDDLIES_IFTTT_URL} overrides the host). */
    record Ifttt(URI base, Secret key) implements SwitchSettings {
        public String driver() {
            return "ifttt";
        }
    }

    /**
     * eWeLink cloud API v2 ({@code CUDDLIES_EWELINK_REGION, _APP_ID, _APP_SECRET, _ACCESS_TOKEN,
     * _REFRESH_TOKEN, _DEVICE_ID}; {@code CUDDLIES_EWELINK_URL} overrides the regional host).
     */
    record Ewelink(URI api, String appId, Secret appSecret, String deviceId, Secret accessToken, Secret refreshToken)
            implements SwitchSettings {
        public String driver() {
            return "ewelink";
        }
    }

    /** Sonoff DIY / LAN mode ({@code CUDDLIES_SONOFF_URL} = http://ip:8081, {@code CUDDLIES_SONOFF_DEVICE_ID}). */
    record Lan(URI device, String deviceId) implements SwitchSettings {
        public String driver() {
            return "lan";
        }
    }

    /**
     * Tasmota through AWS IoT ({@code CUDDLIES_TASMOTA_TOPIC}, {@code CUDDLIES_IOT_THING}; optionally
     * {@code CUDDLIES_IOT_ENDPOINT}, the account's data endpoint).
     */
    record Tasmota(String topic, String thing, Optional<URI> iotEndpoint) implements SwitchSettings {
        public String driver() {
            return "tasmota";
        }
    }

    /** @throws IllegalStateException naming the missing or wrong setting */
    static SwitchSettings fromEnv(Map<String, String> env) {
        Settings s = new Settings(env, env.containsKey("AWS_LAMBDA_FUNCTION_NAME"));
        String driver = s.get("CUDDLIES_SWITCH_DRIVER").orElse("none").toLowerCase(Locale.ROOT);
        return switch (driver) {
            case "none" -> new None();
            case "ifttt" -> new Ifttt(URI.create(s.get("CUDDLIES_IFTTT_URL").orElse("https://maker.ifttt.com")),
                    s.secret("CUDDLIES_IFTTT_KEY", driver));
            case "ewelink" -> new Ewelink(s.get("CUDDLIES_EWELINK_URL").map(URI::create)
                    .orElseGet(() -> EwelinkDriver.regionalHost(s.require("CUDDLIES_EWELINK_REGION", driver))),
                    s.require("CUDDLIES_EWELINK_APP_ID", driver), s.secret("CUDDLIES_EWELINK_APP_SECRET", driver),
                    s.require("CUDDLIES_EWELINK_DEVICE_ID", driver), s.secret("CUDDLIES_EWELINK_ACCESS_TOKEN", driver),
                    s.secret("CUDDLIES_EWELINK_REFRESH_TOKEN", driver));
            case "lan" -> new Lan(URI.create(s.require("CUDDLIES_SONOFF_URL", driver)),
                    s.require("CUDDLIES_SONOFF_DEVICE_ID", driver));
            case "tasmota" -> new Tasmota(s.require("CUDDLIES_TASMOTA_TOPIC", driver), s.require("CUDDLIES_IOT_THING", driver),
                    s.get("CUDDLIES_IOT_ENDPOINT").map(URI::create));
            default -> throw new IllegalStateException("CUDDLIES_SWITCH_DRIVER '" + driver
                    + "' is not a driver; use none, ifttt, ewelink, lan or tasmota");
        };
    }

    /**
     * Reads named settings; blank counts as missing. A credential {@code X} is read from Secrets
     * Manager when {@link #secretIdName X_SECRET_ID} names a secret; given as a value it is refused
     * in Lambda.
     */
    record Settings(Map<String, String> env, boolean inLambda) {
        Optional<String> get(String name) {
            String v = env.get(name);
            return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
        }

        String require(String name, String driver) {
            return get(name).orElseThrow(() -> new IllegalStateException(
                    name + " is not set (needed by the " + driver + " switch driver)"));
        }

        /**
         * The setting naming a credential's secret: {@code CUDDLIES_IFTTT_KEY_SECRET_ID} for
         * {@code CUDDLIES_IFTTT_KEY}, {@code CUDDLIES_EWELINK_APP_SECRET_ID} for {@code CUDDLIES_EWELINK_APP_SECRET}.
         */
        public static String secretIdName(String name) {
            return (name.endsWith("_SECRET") ? name : name + "_SECRET") + "_ID";
        }

        Secret secret(String name, String driver) {
            return secret(name).orElseThrow(() -> new IllegalStateException(
                    secretIdName(name) + " is not set (needed by the " + driver + " switch driver)"));
        }

        Optional<Secret> secret(String name) {
            Optional<String> id = get(secretIdName(name));
            if (id.isPresent()) {
                return Optional.of(new Secret.Stored(id.get()));
            }
            Optional<String> value = get(name);
            if (value.isPresent() && inLambda) {
                throw new IllegalStateException(name + " is in the environment: in Lambda a credential is read from "
                        + "Secrets Manager; set " + secretIdName(name) + " to the secret's name instead");
            }
            return value.map(Secret.Given::new);
        }
    }
}
