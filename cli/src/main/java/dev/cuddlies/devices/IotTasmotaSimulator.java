package dev.cuddlies.devices;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * AWS IoT for the Tasmota driver, on loopback: an IoT data-plane HTTP endpoint ({@code POST
 * /topics/{topic}}, {@code GET /things/{thing}/shadow}) bridged to an embedded Moquette MQTT broker,
 * a simulated Tasmota subscribed to {@code cmnd/<topic>/#} (POWER, PulseTime) that answers on
 * {@code stat/<topic>/RESULT} and sends {@code tele/<topic>/SENSOR}, and the IoT rule that copies
 * SENSOR into the thing shadow's reported state with its timestamp.
 */
public final class IotTasmotaSimulator implements AutoCloseable {

    public static final String TOPIC = "cuddlie";
    public static final String THING = "cuddlie-thing";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimulatedSonoffTh device;
    private final Clock clock;
    private final Server broker = new Server();
    private final HttpServer http;
    private final MqttClient bridge;
    private final MqttClient tasmota;
    private final List<String> mqttLog = new CopyOnWriteArrayList<>();
    private volatile ObjectNode shadow;

    public IotTasmotaSimulator(SimulatedSonoffTh device, Clock clock) throws Exception {
        this.device = device;
        this.clock = clock;
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", String.valueOf(port));
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("telemetry_enabled", "false"); // no phoning home from a test
        p.setProperty("websocket_port", "disabled");
        broker.startServer(new MemoryConfig(p));
        String url = "tcp://127.0.0.1:" + port;
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);

        tasmota = new MqttClient(url, "tasmota-" + TOPIC, new MemoryPersistence());
        tasmota.connect(options);
        tasmota.subscribe("cmnd/" + TOPIC + "/#", 1, (topic, message) -> command(topic, message));

        bridge = new MqttClient(url, "iot-rule", new MemoryPersistence());
        bridge.connect(options);
        bridge.subscribe("#", 1, (topic, message) -> {
            String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
            mqttLog.add(topic + " " + payload);
            if (topic.equals("tele/" + TOPIC + "/SENSOR")) {
                updateShadow(payload);
            }
        });

        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        http.createContext("/topics/", this::publish);
        http.createContext("/things/", this::getShadow);
        http.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** Every MQTT message seen by the broker, as "topic payload", in order. */
    public List<String> mqttLog() {
        return mqttLog;
    }

    /** The device's TelePeriod tick: publishes the sensor reading (unless the sensor is silent). */
    public void telemetry() throws Exception {
        Double t = device.sensorReading();
        if (t != null) {
            String payload = "{\"Time\":\"" + clock.instant() + "\",\"DS18B20\":{\"Temperature\":" + t + "},\"TempUnit\":\"C\"}";
            tasmota.publish("tele/" + TOPIC + "/SENSOR", new MqttMessage(payload.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Waits until the bridge has seen {@code count} messages (MQTT is asynchronous). */
    public void awaitMessages(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (mqttLog.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private void command(String topic, MqttMessage message) throws Exception {
        String cmd = topic.substring(topic.lastIndexOf('/') + 1);
        String payload = new String(message.getPayload(), StandardCharsets.UTF_8).trim();
        String result;
        if (cmd.equalsIgnoreCase("POWER")) {
            device.setRelay(payload.equalsIgnoreCase("ON") || payload.equals("1"));
            result = "{\"POWER\":\"" + (device.relayOn() ? "ON" : "OFF") + "\"}";
        } else if (cmd.equalsIgnoreCase("PulseTime")) {
            int v = Integer.parseInt(payload);
            device.setPulse(v == 0 ? null : v <= 111 ? Duration.ofMillis(v * 100L) : Duration.ofSeconds(v - 100L));
            result = "{\"PulseTime\":{\"Set\":" + v + ",\"Remaining\":" + v + "}}";
        } else {
            result = "{\"Command\":\"Unknown\"}";
        }
        tasmota.publish("stat/" + TOPIC + "/RESULT", new MqttMessage(result.getBytes(StandardCharsets.UTF_8)));
    }

    private void updateShadow(String sensorPayload) throws IOException {
        var sensor = JSON.readTree(sensorPayload);
        long now = clock.instant().getEpochSecond();
        ObjectNode doc = JSON.createObjectNode();
        ObjectNode reported = doc.putObject("state").putObject("reported");
        ObjectNode meta = doc.putObject("metadata").putObject("reported");
        sensor.fields().forEachRemaining(f -> {
            if (f.getValue().isObject() && f.getValue().has("Temperature")) {
                reported.set(f.getKey(), f.getValue());
                meta.putObject(f.getKey()).putObject("Temperature").put("timestamp", now);
            }
        });
        doc.put("version", shadow == null ? 1 : shadow.path("version").asInt() + 1);
        doc.put("timestamp", now);
        shadow = doc;
    }

    private void publish(HttpExchange ex) throws IOException {
        try (ex) {
            String topic = URLDecoder.decode(ex.getRequestURI().getRawPath().substring("/topics/".length()),
                    StandardCharsets.UTF_8);
            byte[] payload = ex.getRequestBody().readAllBytes();
            MqttMessage m = new MqttMessage(payload);
            m.setQos(1);
            bridge.publish(topic, m);
            byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, ok.length);
            ex.getResponseBody().write(ok);
        } catch (Exception e) {
            ex.sendResponseHeaders(500, -1);
        }
    }

    private void getShadow(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath(); // /things/{thing}/shadow
            ObjectNode doc = shadow;
            if (!path.equals("/things/" + THING + "/shadow") || doc == null) {
                byte[] err = "{\"message\":\"No shadow exists with name: 'cuddlie-thing'\"}".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("x-amzn-ErrorType", "ResourceNotFoundException");
                ex.sendResponseHeaders(404, err.length);
                ex.getResponseBody().write(err);
                return;
            }
            byte[] body = doc.toString().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        }
    }

    @Override
    public void close() throws Exception {
        http.stop(0);
        tasmota.disconnect();
        bridge.disconnect();
        tasmota.close();
        bridge.close();
        broker.stopServer();
    }
}
