package dev.ec2inventory.local.gateway;

import java.util.Map;

/** A page the local runner serves on the gateway's port, beside the API's routes: never part of the deployed API. */
@FunctionalInterface
public interface LocalPage {

    /**
     * @param method the request's method
     * @param path   the request's path, at or under the prefix the page is served at
     * @param host   the request's {@code Host} header, or {@code null}
     */
    Answer answer(String method, String path, String host);

    /** The page's answer; {@code headers} are added to {@code Content-Type}. */
    record Answer(int status, String contentType, Map<String, String> headers, byte[] body) {

        public Answer {
            headers = Map.copyOf(headers);
        }
    }
}
