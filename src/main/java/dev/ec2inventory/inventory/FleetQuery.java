package dev.ec2inventory.inventory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A request for one page of the fleet, by keyset on the instance id so that writes elsewhere never shift a page. The
 * token is no secret; its hashes refuse a garbled token and one from a listing with other filters.
 */
public record FleetQuery(FleetFilter filter, int limit, Optional<String> afterInstanceId) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1_000;
    static final String NEXT_TOKEN = "next_token";

    private static final byte TOKEN_VERSION = 1;
    private static final int HASH_BYTES = 8;
    private static final int HEADER_BYTES = 1 + 2 * HASH_BYTES;

    public FleetQuery {
        Objects.requireNonNull(filter, "filter");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Objects.requireNonNull(afterInstanceId, "afterInstanceId");
    }

    /** The first page without a token, or the page a token names; an unusable token names {@code next_token}. */
    public static FleetQuery of(FleetFilter filter, int limit, Optional<String> nextToken) {
        return new FleetQuery(filter, limit, nextToken.map(token -> positionIn(token, filter)));
    }

    /** The token of the page after the one that ends with {@code lastInstanceId}, for the same filters. */
    public String tokenAfter(String lastInstanceId) {
        byte[] filterHash = filterHash(filter);
        byte[] id = lastInstanceId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer token = ByteBuffer.allocate(HEADER_BYTES + id.length)
                .put(TOKEN_VERSION).put(filterHash).put(check(filterHash, id)).put(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    private static String positionIn(String token, FleetFilter filter) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            throw garbled();
        }
        if (bytes.length <= HEADER_BYTES || bytes[0] != TOKEN_VERSION) {
            throw garbled();
        }
        byte[] filterHash = Arrays.copyOfRange(bytes, 1, 1 + HASH_BYTES);
        byte[] check = Arrays.copyOfRange(bytes, 1 + HASH_BYTES, HEADER_BYTES);
        byte[] id = Arrays.copyOfRange(bytes, HEADER_BYTES, bytes.length);
        if (!MessageDigest.isEqual(check, check(filterHash, id))) {
            throw garbled();
        }
        if (!MessageDigest.isEqual(filterHash, filterHash(filter))) {
            throw new InvalidFieldException(NEXT_TOKEN, "belongs to a listing with other filters: repeat the filters "
                    + "of the request that returned it, or start again without next_token");
        }
        return decodeId(id);
    }

    private static String decodeId(byte[] id) {
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(id)).toString();
            return Ec2Instance.requireValidInstanceId(decoded);
        } catch (CharacterCodingException | InvalidFieldException notAnId) {
            throw garbled();
        }
    }

    private static InvalidFieldException garbled() {
        return new InvalidFieldException(NEXT_TOKEN, "is not a token this API issued: pass next_token exactly as a "
                + "page returned it");
    }

    private static byte[] filterHash(FleetFilter filter) {
        return sha256(filter.canonicalBytes());
    }

    private static byte[] check(byte[] filterHash, byte[] id) {
        return sha256(ByteBuffer.allocate(filterHash.length + id.length).put(filterHash).put(id).array());
    }

    private static byte[] sha256(byte[] input) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(input), HASH_BYTES);
        } catch (NoSuchAlgorithmException absent) {
            throw new IllegalStateException("every Java runtime has SHA-256", absent);
        }
    }
}
