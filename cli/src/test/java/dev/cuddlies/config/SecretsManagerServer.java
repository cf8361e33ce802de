package dev.cuddlies.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * AWS Secrets Manager on loopback, speaking its real wire protocol (AWS JSON 1.1: {@code POST /} with
 * {@code X-Amz-Target: secretsmanager.<Operation>}, JSON in and out, errors as {@code __type}), so
 * the real SDK client can be pointed at it. It answers {@code GetSecretValue} and
 * {@code PutSecretValue} (a rotation: a new AWSCURRENT version), and refuses unsigned requests.
 */
final class SecretsManagerServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "123456789012";

    private record Version(String value, String versionId) {
    }

    private final HttpServer http;
    private final Map<String, Version> secrets = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile boolean failing;

    SecretsManagerServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        http.createContext("/", this::handle);
        http.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** Stores a new current version of a secret, as rotation or {@code put-secret-value} does. */
    void put(String name, String value) {
        secrets.put(name, new Version(value, UUID.randomUUID().toString()));
    }

    /** GetSecretValue calls answered so far. */
    int reads() {
        return reads.get();
    }

    /** While true, every call is answered 500 InternalServiceError (an outage). */
    void failing(boolean f) {
        failing = f;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            JsonNode in = JSON.readTree(ex.getRequestBody().readAllBytes());
            if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 Credential=")) {
                error(ex, 400, "MissingAuthenticationTokenException", "Request is missing Authentication Token");
            } else if (failing) {
                error(ex, 500, "InternalServiceError", "outage");
            } else if ("secretsmanager.GetSecretValue".equals(target)) {
                getSecretValue(ex, in.path("SecretId").asText());
            } else if ("secretsmanager.PutSecretValue".equals(target)) {
                put(name(in.path("SecretId").asText()), in.path("SecretString").asText());
                ObjectNode out = JSON.createObjectNode().put("ARN", arn(name(in.path("SecretId").asText())))
                        .put("Name", name(in.path("SecretId").asText()))
                        .put("VersionId", secrets.get(name(in.path("SecretId").asText())).versionId());
                out.putArray("VersionStages").add("AWSCURRENT");
                send(ex, 200, out);
            } else {
                error(ex, 400, "UnknownOperationException", "unknown operation " + target);
            }
        }
    }

    private void getSecretValue(HttpExchange ex, String secretId) throws IOException {
        Version v = secrets.get(name(secretId));
        if (v == null) {
            error(ex, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
            return;
        }
        reads.incrementAndGet();
        ObjectNode out = JSON.createObjectNode().put("ARN", arn(name(secretId))).put("Name", name(secretId))
                .put("VersionId", v.versionId()).put("SecretString", v.value()).put("CreatedDate", 1.7e9);
        out.putArray("VersionStages").add("AWSCURRENT");
        send(ex, 200, out);
    }

    /** A secret id is its name or its ARN ({@code arn:…:secret:NAME-AbCdEf}). */
    private static String name(String secretId) {
        if (!secretId.startsWith("arn:")) {
            return secretId;
        }
        String tail = secretId.substring(secretId.indexOf(":secret:") + ":secret:".length());
        return tail.matches(".*-[A-Za-z0-9]{6}") ? tail.substring(0, tail.length() - 7) : tail;
    }

    static String arn(String name) {
        return "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:" + name + "-AbCdEf";
    }

    private static void error(HttpExchange ex, int status, String type, String message) throws IOException {
        ex.getResponseHeaders().set("x-amzn-ErrorType", type);
        send(ex, status, JSON.createObjectNode().put("__type", type).put("Message", message));
    }

    private static void send(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        ex.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
