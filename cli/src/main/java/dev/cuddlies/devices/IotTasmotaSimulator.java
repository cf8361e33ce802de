package dev.cuddlies.devices;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cuddlies.devices.FaultPlan.Command;
import dev.cuddlies.devices.FaultPlan.RequestFault;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
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
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * AWS IoT for the Tasmota driver, on loopback: an IoT data-plane HTTP endpoint ({@code POST
 * /topics/{topic}}, {@code GET /things/{thing}/shadow}) bridged to an embedded Moquette MQTT broker, a
 * {@link SimulatedTasmota} subscribed to {@code cmnd/<topic>/#} that answers on
 * {@code stat/<topic>/RESULT} and sends {@code tele/<topic>/SENSOR}, and the IoT rules that copy
 * both into the thing shadow. The device's {@link FaultPlan} decides what the endpoint does with
 * each call: an error, no answer, a dropped connection, garbage, or a publish AWS accepts that never
 * reaches the device (as a QoS 1 message to an offline Tasmota).
 */
public final class IotTasmotaSimulator implements AutoCloseable {

    public static final String TOPIC = "cuddlie";
    public static final String THING = "cuddlie-thing";

    private final SimulatedTasmota tasmota;
    private final Server broker = new Server();
    private final HttpServer http;
    private final MqttClient bridge;
    private final MqttClient device;
    private final List<String> mqttLog = new CopyOnWriteArrayList<>();
    private final AtomicLong commandsSent = new AtomicLong();
    private final AtomicLong commandsDone = new AtomicLong();
    private final AtomicLong messagesSent = new AtomicLong();
    private final AtomicLong messagesSeen = new AtomicLong();
    private volatile boolean logging = true;
    private volatile Duration holdUnanswered = Duration.ofSeconds(3);

    public IotTasmotaSimulator(SimulatedSonoffTh toy, Clock clock) throws Exception {
        this.tasmota = new SimulatedTasmota(toy, clock);
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

        device = new MqttClient(url, "tasmota-" + TOPIC, new MemoryPersistence());
        device.connect(options);
        device.subscribe("cmnd/" + TOPIC + "/#", 1, (topic, message) -> {
            try {
                String cmd = topic.substring(topic.lastIndexOf('/') + 1);
                for (String result : tasmota.command(cmd, new String(message.getPayload(), StandardCharsets.UTF_8))) {
                    publish(device, "stat/" + TOPIC + "/RESULT", result);
                }
            } finally {
                commandsDone.incrementAndGet();
            }
        });

        bridge = new MqttClient(url, "iot-rules", new MemoryPersistence());
        bridge.connect(options);
        bridge.subscribe("#", 1, (topic, message) -> {
            String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
            if (logging) {
                mqttLog.add(topic + " " + payload);
            }
            if (topic.equals("tele/" + TOPIC + "/SENSOR") || topic.equals("stat/" + TOPIC + "/RESULT")) {
                tasmota.report(payload); // the IoT rules
            }
            messagesSeen.incrementAndGet();
        });

        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        http.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "iot-sim");
            t.setDaemon(true);
            return t;
        }));
        http.createContext("/topics/", this::publish);
        http.createContext("/things/", this::getShadow);
        http.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    public SimulatedTasmota tasmota() {
        return tasmota;
    }

    /** Every MQTT message seen by the broker, as "topic payload", in order. */
    public List<String> mqttLog() {
        return mqttLog;
    }

    public IotTasmotaSimulator logging(boolean on) {
        logging = on;
        return this;
    }

    /** How long an unanswered HTTP call is held open (past the client's timeout). */
    public IotTasmotaSimulator holdUnanswered(Duration d) {
        holdUnanswered = d;
        return this;
    }

    /** The device's TelePeriod tick: publishes the sensor reading (unless the sensor is silent). */
    public void telemetry() throws MqttException {
        Optional<String> payload = tasmota.sensorPayload();
        if (payload.isPresent()) {
            publish(device, "tele/" + TOPIC + "/SENSOR", payload.get());
        }
    }

    /** Waits until the bridge has seen {@code count} messages (MQTT is asynchronous). */
    public void awaitMessages(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (mqttLog.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    /** Waits until every command sent has been obeyed and every message published has reached the IoT rules. */
    public void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while ((commandsDone.get() < commandsSent.get() || messagesSeen.get() < messagesSent.get())
                && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    private void publish(MqttClient from, String topic, String payload) throws MqttException {
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        messagesSent.incrementAndGet();
        from.publish(topic, m);
    }

    private static Command command(String topic, String payload) {
        String cmd = topic.substring(topic.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String p = payload.toLowerCase(Locale.ROOT);
        if (cmd.startsWith("power")) {
            return p.contains("off") || p.equals("0") ? Command.SWITCH_OFF : Command.SWITCH_ON;
        }
        if (cmd.equals("backlog")) {
            return p.contains("power") && p.contains("on") ? Command.SWITCH_ON
                    : p.contains("power") ? Command.SWITCH_OFF : Command.ARM_BACKSTOP;
        }
        return cmd.startsWith("pulsetime") ? Command.ARM_BACKSTOP : Command.OTHER;
    }

    private void publish(HttpExchange ex) throws IOException {
        try (ex) {
            String topic = URLDecoder.decode(ex.getRequestURI().getRawPath().substring("/topics/".length()),
                    StandardCharsets.UTF_8);
            String payload = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            SimulatedSonoffTh toy = tasmota.device();
            RequestFault fault = toy.faults().onRequest(command(topic, payload));
            if (!answerFault(ex, fault)) {
                return;
            }
            // DROP: AWS IoT accepts it, but the device (offline, clean session) never gets it.
            boolean delivered = fault != RequestFault.DROP && toy.online() && topic.startsWith("cmnd/");
            if (delivered) {
                commandsSent.incrementAndGet();
                publish(bridge, topic, payload);
            } else if (!topic.startsWith("cmnd/")) {
                publish(bridge, topic, payload);
            }
            if (fault == RequestFault.DROP_AFTER_ACTING) {
                return; // the answer is lost
            }
            send(ex, 200, "{}", "application/json");
        } catch (MqttException e) {
            send(ex, 500, "{\"message\":\"broker failed\"}", "application/json");
        }
    }

    private void getShadow(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath(); // /things/{thing}/shadow
            RequestFault fault = tasmota.device().faults().onRequest(Command.READ);
            if (fault == RequestFault.DROP || fault == RequestFault.DROP_AFTER_ACTING || !answerFault(ex, fault)) {
                return; // closing without an answer drops the connection
            }
            Optional<String> doc = tasmota.shadowDocument();
            if (!path.equals("/things/" + THING + "/shadow") || doc.isEmpty()) {
                ex.getResponseHeaders().set("x-amzn-ErrorType", "ResourceNotFoundException");
                send(ex, 404, "{\"message\":\"No shadow exists with name: '" + THING + "'\"}", "application/json");
                return;
            }
            send(ex, 200, doc.get(), "application/json");
        }
    }

    /** Renders a fault at the endpoint; true when the call should go on. */
    private boolean answerFault(HttpExchange ex, RequestFault fault) throws IOException {
        switch (fault) {
            case ERROR -> {
                ex.getResponseHeaders().set("x-amzn-ErrorType", "InternalFailureException");
                send(ex, 500, "{\"message\":\"Internal failure\"}", "application/json");
                return false;
            }
            case NO_ANSWER -> {
                try {
                    Thread.sleep(holdUnanswered.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
            case GARBAGE -> {
                send(ex, 503, "<html>Service Unavailable</html>", "text/html");
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    private static void send(HttpExchange ex, int status, String body, String type) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    @Override
    public void close() throws Exception {
        http.stop(0);
        device.disconnect();
        bridge.disconnect();
        device.close();
        bridge.close();
        broker.stopServer();
    }
}
