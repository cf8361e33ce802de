package dev.cuddlies.web;

import java.net.URI;
import java.util.Map;

/**
 * A browser-based upload (S3's POST Object): the page posts these fields, then {@code Content-Type}
 * and the file last, as multipart/form-data to {@code action}.
 *
 * @param action   where to post (the bucket, or the local server's /upload)
 * @param fields   form fields in order: key, algorithm, credential, date, token if any, policy, signature
 * @param maxBytes the largest file the policy accepts
 */
public record UploadForm(URI action, Map<String, String> fields, long maxBytes) {
}
