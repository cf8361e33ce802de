package dev.cuddlies.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.aws.CuddliesStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works like the developer console's test simulator: a typed sentence becomes the request envelope
 * Alexa would send (launch, one-shot "ask cuddly maker to…", or an intent inside an open session),
 * goes through the same stream handler Lambda calls, and the answer is read back.
 */
public final class SkillSimulator {

    /** What Alexa would say and show. */
    public record Reply(String speech, String cardTitle, String cardText, boolean endsSession, JsonNode raw) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CuddliesStreamHandler handler;
    private final UtteranceMatcher matcher;
    private final String skillId;
    private final String userId;
    private final String locale;
    private final boolean screen;
    private final Pattern launch;
    private final Pattern oneShot;
    private String sessionId;
    private boolean sessionOpen;

    public SkillSimulator(CuddliesStreamHandler handler, UtteranceMatcher matcher, String skillId, String userId,
                          String locale, boolean screen) {
        this.handler = handler;
        this.matcher = matcher;
        this.skillId = skillId;
        this.userId = userId;
        this.locale = locale;
        this.screen = screen;
        String name = Pattern.quote(matcher.invocationName());
        this.launch = Pattern.compile("(?:alexa )?(?:open|launch|start|talk to|begin) " + name);
        this.oneShot = Pattern.compile("(?:alexa )?(?:ask|tell|use) " + name + "(?: to| for| and)? (.+)");
    }

    public Reply say(String sentence) throws IOException {
        String text = UtteranceMatcher.normalise(sentence);
        if (launch.matcher(text).matches()) {
            newSession();
            return send(request("LaunchRequest"));
        }
        Matcher m = oneShot.matcher(text);
        if (m.matches()) {
            newSession();
            text = m.group(1);
        } else if (!sessionOpen) {
            // Typed on its own, as in the console's simulator: the skill is the one being tested.
            newSession();
        }
        Optional<UtteranceMatcher.Match> match = matcher.match(text);
        ObjectNode request = request("IntentRequest");
        ObjectNode intent = request.putObject("intent");
        intent.put("name", match.map(UtteranceMatcher.Match::intent).orElse("AMAZON.FallbackIntent"));
        intent.put("confirmationStatus", "NONE");
        ObjectNode slots = intent.putObject("slots");
        match.ifPresent(mm -> mm.slots().forEach((name, slot) -> slots.set(name, slotJson(name, slot))));
        return send(request);
    }

    private ObjectNode slotJson(String name, UtteranceMatcher.Slot slot) {
        ObjectNode s = JSON.createObjectNode();
        s.put("name", name);
        s.put("value", slot.value());
        s.put("confirmationStatus", "NONE");
        if (slot.resolvedId() != null) {
            ObjectNode authority = s.putObject("resolutions").putArray("resolutionsPerAuthority").addObject();
            authority.put("authority", "amzn1.er-authority.echo-sdk." + skillId + "." + name);
            authority.putObject("status").put("code", "ER_SUCCESS_MATCH");
            ObjectNode value = authority.putArray("values").addObject().putObject("value");
            value.put("name", slot.resolvedName());
            value.put("id", slot.resolvedId());
        }
        return s;
    }

    /** Ends the session as Alexa does when the user walks away. */
    public void endSession() throws IOException {
        if (sessionOpen) {
            ObjectNode r = request("SessionEndedRequest");
            r.put("reason", "USER_INITIATED");
            send(r);
        }
    }

    private void newSession() {
        sessionId = "amzn1.echo-api.session.local-" + UUID.randomUUID();
        sessionOpen = false;
    }

    private ObjectNode request(String type) {
        ObjectNode r = JSON.createObjectNode();
        r.put("type", type);
        r.put("requestId", "amzn1.echo-api.request.local-" + UUID.randomUUID());
        r.put("timestamp", Instant.now().toString());
        r.put("locale", locale);
        return r;
    }

    private Reply send(ObjectNode request) throws IOException {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("version", "1.0");
        ObjectNode session = envelope.putObject("session");
        session.put("new", !sessionOpen);
        session.put("sessionId", sessionId);
        session.putObject("application").put("applicationId", skillId);
        session.putObject("user").put("userId", userId);
        ObjectNode system = envelope.putObject("context").putObject("System");
        system.putObject("application").put("applicationId", skillId);
        system.putObject("user").put("userId", userId);
        ObjectNode device = system.putObject("device");
        device.put("deviceId", "amzn1.ask.device.local-simulator");
        ObjectNode interfaces = device.putObject("supportedInterfaces");
        if (screen) {
            interfaces.putObject("Alexa.Presentation.APL").putObject("runtime").put("maxVersion", "2023.2");
        }
        envelope.set("request", request);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(envelope.toString().getBytes(StandardCharsets.UTF_8)), out, null);
        JsonNode answer = JSON.readTree(out.toByteArray());
        JsonNode response = answer.path("response");
        boolean ends = request.path("type").asText().equals("SessionEndedRequest")
                || response.path("shouldEndSession").asBoolean(false) || !response.has("outputSpeech");
        sessionOpen = !ends;
        JsonNode card = response.path("card");
        String cardText = card.has("content") ? card.path("content").asText() : card.path("text").asText(null);
        return new Reply(plain(response.path("outputSpeech").path("ssml").asText("")),
                card.path("title").asText(null), cardText, ends, answer);
    }

    /** SSML to what a person hears. */
    static String plain(String ssml) {
        return ssml.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").trim();
    }
}
