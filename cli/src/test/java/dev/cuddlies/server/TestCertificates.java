package dev.cuddlies.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.skill.SkillHarness;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A test CA and signing certificates made with the JDK's keytool: a good one for
 * echo-api.amazon.com, an expired one, and one for the wrong name. Nothing is fetched from anywhere.
 */
final class TestCertificates {

    private static final String PASS = "changeit";

    final X509Certificate root;
    final PrivateKey signingKey;
    final List<X509Certificate> good;
    final List<X509Certificate> expired;
    final List<X509Certificate> wrongName;

    TestCertificates(Path dir) throws Exception {
        Path ks = dir.resolve("test.p12");
        keytool("-genkeypair", "-alias", "root", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=Cuddlies Test Root",
                "-ext", "bc:c", "-validity", "30", "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", PASS);
        keytool("-genkeypair", "-alias", "leaf", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=echo-api.amazon.com",
                "-validity", "30", "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", PASS);
        byte[] csr = keytool("-certreq", "-alias", "leaf", "-keystore", ks.toString(), "-storepass", PASS);
        good = chain(ks, csr, dir.resolve("good.pem"), "-ext", "SAN=dns:echo-api.amazon.com", "-validity", "10");
        expired = chain(ks, csr, dir.resolve("expired.pem"), "-ext", "SAN=dns:echo-api.amazon.com", "-startdate", "-20d",
                "-validity", "5");
        wrongName = chain(ks, csr, dir.resolve("wrong.pem"), "-ext", "SAN=dns:evil.example.com", "-validity", "10");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(ks)) {
            store.load(in, PASS.toCharArray());
        }
        root = (X509Certificate) store.getCertificate("root");
        signingKey = (PrivateKey) store.getKey("leaf", PASS.toCharArray());
    }

    private List<X509Certificate> chain(Path ks, byte[] csr, Path out, String... ext) throws Exception {
        List<String> args = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "root", "-keystore", ks.toString(),
                "-storepass", PASS));
        args.addAll(List.of(ext));
        byte[] leaf = keytoolWithInput(csr, args.toArray(new String[0]));
        byte[] root = keytool("-exportcert", "-rfc", "-alias", "root", "-keystore", ks.toString(), "-storepass", PASS);
        byte[] pem = new byte[leaf.length + root.length];
        System.arraycopy(leaf, 0, pem, 0, leaf.length);
        System.arraycopy(root, 0, pem, leaf.length, root.length);
        Files.write(out, pem);
        return CertificateSource.parse(new ByteArrayInputStream(pem));
    }

    private static byte[] keytool(String... args) throws IOException, InterruptedException {
        return keytoolWithInput(null, args);
    }

    private static byte[] keytoolWithInput(byte[] input, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (input != null) {
            p.getOutputStream().write(input);
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed");
        }
        return out;
    }

    /** Signature-256 of {@code body} with the leaf's key, base64, as Alexa sends it. */
    String sign(byte[] body) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(signingKey);
        s.update(body);
        return Base64.getEncoder().encodeToString(s.sign());
    }

    /** The launch fixture sent at {@code timestamp} to the skill {@code skillId}. */
    static byte[] launchEnvelope(Instant timestamp, String skillId) throws Exception {
        ObjectNode e = SkillHarness.fixture("launch");
        ((ObjectNode) e.path("request")).put("timestamp", timestamp.toString());
        ((ObjectNode) e.path("context").path("System").path("application")).put("applicationId", skillId);
        ((ObjectNode) e.path("session").path("application")).put("applicationId", skillId);
        return e.toString().getBytes(StandardCharsets.UTF_8);
    }
}
