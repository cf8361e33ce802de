package dev.cuddlies.storage;

import dev.cuddlies.storage.StorageException.Kind;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The bucket, through the AWS SDK's S3 client; every call carries its own timeout. */
public final class S3BlobStore implements BlobStore {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3BlobStore(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public List<StoredObject> list(String prefix, Duration timeout) throws StorageException {
        requireTime(timeout, "list " + prefix);
        List<StoredObject> out = new ArrayList<>();
        try {
            String token = null;
            do {
                String t = token;
                ListObjectsV2Response page = s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix).continuationToken(t)
                        .overrideConfiguration(o -> o.apiCallTimeout(timeout)));
                for (S3Object o : page.contents()) {
                    out.add(new StoredObject(o.key(), o.size(), o.lastModified()));
                }
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
            return out;
        } catch (SdkException e) {
            throw translate(e, "list " + prefix);
        }
    }

    /**
     * One GET: the size is checked on the very object being read (a HEAD first would let the object
     * be replaced in between) and no more than {@code maxBytes + 1} bytes are ever read.
     */
    @Override
    public byte[] get(String key, long maxBytes, Duration timeout) throws StorageException {
        requireTime(timeout, "read " + key);
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> r.bucket(bucket).key(key)
                .overrideConfiguration(o -> o.apiCallTimeout(timeout)))) {
            return readAtMost(in, key, maxBytes);
        } catch (SdkException e) {
            throw translate(e, "read " + key);
        } catch (IOException e) {
            throw new StorageException(Kind.UNAVAILABLE, "could not read " + key, e);
        }
    }

    /**
     * The body, refused as too large from its declared length before reading, or after reading one byte
     * more than allowed when no length was declared: never more than {@code maxBytes + 1} bytes are read.
     */
    private static byte[] readAtMost(ResponseInputStream<GetObjectResponse> in, String key, long maxBytes)
            throws IOException, StorageException {
        Long length = in.response().contentLength();
        if (length != null && length > maxBytes) {
            in.abort();
            throw new StorageException(Kind.TOO_LARGE, key + " is larger than " + maxBytes + " bytes", null);
        }
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            in.abort();
            throw new StorageException(Kind.TOO_LARGE, key + " is larger than " + maxBytes + " bytes", null);
        }
        return bytes;
    }

    @Override
    public void put(String key, byte[] data, String contentType, Duration timeout) throws StorageException {
        requireTime(timeout, "write " + key);
        try {
            s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType)
                    .overrideConfiguration(o -> o.apiCallTimeout(timeout)), RequestBody.fromBytes(data));
        } catch (SdkException e) {
            throw translate(e, "write " + key);
        }
    }

    @Override
    public Optional<Versioned> getVersioned(String key, long maxBytes, Duration timeout) throws StorageException {
        requireTime(timeout, "read " + key);
        // One GET: its ETag is the version of exactly these bytes, and the size is checked before the body is read.
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> r.bucket(bucket).key(key)
                .overrideConfiguration(o -> o.apiCallTimeout(timeout)))) {
            return Optional.of(new Versioned(readAtMost(in, key, maxBytes), in.response().eTag()));
        } catch (SdkException e) {
            StorageException s = translate(e, "read " + key);
            if (s.kind() == Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw s;
        } catch (IOException e) {
            throw new StorageException(Kind.UNAVAILABLE, "S3 failed to read " + key, e);
        }
    }

    @Override
    public String putIfVersion(String key, byte[] data, String contentType, Optional<String> expectedVersion,
                               Duration timeout) throws StorageException {
        requireTime(timeout, "write " + key);
        try {
            PutObjectResponse r = s3.putObject(b -> {
                b.bucket(bucket).key(key).contentType(contentType).overrideConfiguration(o -> o.apiCallTimeout(timeout));
                expectedVersion.ifPresentOrElse(b::ifMatch, () -> b.ifNoneMatch("*"));
            }, RequestBody.fromBytes(data));
            return r.eTag();
        } catch (SdkException e) {
            throw translate(e, "write " + key);
        }
    }

    @Override
    public void delete(String key, Duration timeout) throws StorageException {
        requireTime(timeout, "delete " + key);
        try {
            s3.deleteObject(r -> r.bucket(bucket).key(key).overrideConfiguration(o -> o.apiCallTimeout(timeout)));
        } catch (SdkException e) {
            throw translate(e, "delete " + key);
        }
    }

    @Override
    public Optional<URI> readLink(String key, Duration validity) {
        return Optional.of(URI.create(presigner.presignGetObject(p -> p.signatureDuration(validity)
                .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString()));
    }

    /**
     * A presigned PUT whose signature covers {@code Content-Length} (exactly {@code exactBytes}, so no
     * larger file can be sent with it) and {@code If-None-Match: *} (S3 refuses to replace an object
     * already there, so the link cannot overwrite anything, its own upload included).
     */
    @Override
    public Optional<URI> uploadLink(String key, String contentType, long exactBytes, Duration validity) {
        return Optional.of(URI.create(presignUpload(key, contentType, exactBytes, validity).url().toString()));
    }

    /** The presigned request itself: its URL and the headers the uploader must send as signed. */
    public PresignedPutObjectRequest presignUpload(String key, String contentType, long exactBytes, Duration validity) {
        return presigner.presignPutObject(p -> p.signatureDuration(validity)
                .putObjectRequest(g -> g.bucket(bucket).key(key).contentType(contentType).contentLength(exactBytes)
                        .ifNoneMatch("*")));
    }

    /** A caller whose time budget is spent gets a timeout, not a call the SDK refuses to make. */
    private static void requireTime(Duration timeout, String what) throws StorageException {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new StorageException(Kind.TIMEOUT, "no time left to " + what, null);
        }
    }

    private static StorageException translate(SdkException e, String what) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new StorageException(Kind.TIMEOUT, "S3 did not answer in time to " + what, e);
        }
        // 412: If-Match / If-None-Match failed; 409: a concurrent conditional write to the same key won.
        if (e instanceof S3Exception c && (c.statusCode() == 412 || c.statusCode() == 409)) {
            return new StorageException(Kind.CONFLICT, what + ": changed since it was read", e);
        }
        if (e instanceof NoSuchKeyException || e instanceof S3Exception s && s.statusCode() == 404) {
            return new StorageException(Kind.NOT_FOUND, what + ": not there", e);
        }
        return new StorageException(Kind.UNAVAILABLE, "S3 failed to " + what, e);
    }
}
